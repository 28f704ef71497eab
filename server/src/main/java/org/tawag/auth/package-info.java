/**
 * Users, passwords, sessions and role checks.
 *
 * <p>Users live in the database ({@link org.tawag.auth.JdbcUserStore}, migration {@code V2__users})
 * with bcrypt web passwords ({@link org.tawag.auth.PasswordHasher}) and, for users with a SIP
 * phone, a separate digest secret ({@link org.tawag.auth.UserStore#sipHa1(String)}). Logins make
 * in-memory {@link org.tawag.auth.Sessions} carried by an HttpOnly, SameSite=Strict cookie; {@link
 * org.tawag.auth.Authz} checks roles on every API route and {@link org.tawag.auth.OriginCheck}
 * guards WebSocket upgrades. {@link org.tawag.auth.FirstAdmin} makes the first admin and {@link
 * org.tawag.auth.UserCommand} is {@code tawag user ...}.
 */
package org.tawag.auth;
