/*
 * schema.h (internal): the numbered migrations of the store.
 */
#ifndef HLM_STORE_SCHEMA_H
#define HLM_STORE_SCHEMA_H

/* Number of migrations = the schema version of this build. */
int hlm__schema_count(void);
/* The SQL of migration k (1-based), or NULL. */
const char *hlm__schema_migration(int k);

#endif
