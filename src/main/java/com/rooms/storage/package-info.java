/**
 * The database underneath the stores: Liquibase migration at start-up
 * ({@link com.rooms.storage.SchemaMigration}), transactions, time columns, and
 * {@link com.rooms.storage.GroupCommit}, the one writer that commits chat,
 * presence notes and audit events in batches.
 */
package com.rooms.storage;
