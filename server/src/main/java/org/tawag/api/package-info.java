/**
 * The REST API under {@code /api} (Vert.x Web, JSON): customers with CSV import and export, orders
 * with their status lifecycle, call records, the configured catalogues, and the audit log of reads
 * of personal data. docs/api.md lists every route with its roles; {@code openapi.json} in this
 * package's resources describes them, and a test keeps the two in step with the router.
 *
 * <p>Design choices, and why:
 *
 * <ul>
 *   <li>Deny by default: every route's first handler after the body is {@link
 *       org.tawag.auth.Authz#require}; operators reach a customer or order only through {@link
 *       org.tawag.api.CallerAccess} (their current or just-ended caller).
 *   <li>An audited read writes its audit row before it answers: no disclosure goes unrecorded.
 *   <li>SQL runs on the store's workers; handlers continue on the request's context.
 * </ul>
 */
package org.tawag.api;
