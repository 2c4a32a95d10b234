/*
 * schema.h (internal): the numbered migrations of the store.
 */
#ifndef HLM_STORE_SCHEMA_H
#define HLM_STORE_SCHEMA_H

/* Number of migrations = the schema version of this build. */
int hlm__schema_count(void);
/* The SQL of migration k (1-based), or NULL. */
const char *hlm__schema_migration(int k);
/* 1 when migration k rewrites a table of an existing store (its old pages
 * are then worth a VACUUM), else 0. */
int hlm__schema_rewrites(int k);

#endif
