package org.tawag.orders;

import java.time.Instant;

/**
 * A person who calls or is called, known by one phone number in E.164. The id is internal (never
 * read out on the phone); the phone number is unique.
 */
public record Customer(
    long id, String fullName, String phone, Instant createdAt, Instant updatedAt) {}
