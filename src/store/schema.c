/*
 * schema.c: the store's schema as numbered migrations.
 *
 * Migration k (1-based) brings a store from user_version k-1 to k.  A
 * migration is never edited once released: a change is a new migration.
 * Columns are named as in the input files (formats.md), so that a user who
 * knows the files can query the store.
 */
#include <stddef.h>

#include "store/schema.h"

static const char *const migrations[] = {
    /* 1: the foundation: organisms, groups, foyers, RPLS dwellings. */
    "CREATE TABLE organisms ("
    " id TEXT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " departement TEXT,"
    " group_id TEXT,"
    " rpls_number TEXT,"
    " accession_main_activity INTEGER,"
    " loans_granted_10y INTEGER,"
    " turnover_avg_3y_cents INTEGER,"
    " insufficient_mission_contribution INTEGER,"
    " share_nominal_cents INTEGER,"
    " subsidiary_of TEXT,"
    " controlled_by TEXT"
    ") WITHOUT ROWID;"
    "CREATE TABLE groups ("
    " id TEXT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " kind TEXT NOT NULL,"
    " head_id TEXT NOT NULL,"
    " departement TEXT NOT NULL"
    ") WITHOUT ROWID;"
    "CREATE TABLE foyers ("
    " owner TEXT NOT NULL,"
    " manager TEXT,"
    " structure_id TEXT NOT NULL,"
    " beds INTEGER NOT NULL,"
    " autonomous INTEGER,"
    " dwellings INTEGER,"
    " conv INTEGER NOT NULL,"
    " construct INTEGER NOT NULL,"
    " year INTEGER NOT NULL,"
    " PRIMARY KEY (owner, year, structure_id)"
    ") WITHOUT ROWID;"
    /* One row per (year, owner) stock loaded from an RPLS file.
     * AUTOINCREMENT: the id of a replaced stock is never given again, so
     * that its dwellings can be deleted after the new ones are written. */
    "CREATE TABLE rpls_stocks ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " year INTEGER NOT NULL,"
    " owner TEXT NOT NULL,"   /* SIREN */
    " shape INTEGER NOT NULL," /* 1 submission file, 2 open data */
    " file TEXT NOT NULL,"
    " lines INTEGER NOT NULL,"
    " UNIQUE (year, owner)"
    ");"
    /* Every RPLS dwelling line, typed (rpls.md; pos = position in the
     * submission file, names in capitals = open-data columns).
     * stock = rpls_stocks.id.  The columns both shapes fill come first:
     * SQLite writes one header byte per column of a row, set or not, so
     * the order keeps open-data rows short.  No secondary index: counts
     * read stock_agg; a replaced stock is deleted by one scan (rare).
     * Dates are text: YYYY-MM-DD, or YYYY-MM for the mm/aaaa fields. */
    "CREATE TABLE dwellings ("
    " stock INTEGER NOT NULL,"
    " manager TEXT,"          /* manager (SIREN) when not the owner */
    " manager_rpls TEXT,"     /* pos 53 as written */
    " depcom TEXT,"           /* pos 4, DEPCOM / DEPCOM_CODE */
    " codepostal TEXT,"       /* pos 5, CODEPOSTAL */
    " droit INTEGER,"         /* pos 3, DROIT_CODE */
    " typeconst TEXT,"        /* pos 23, TYPECONST_CODE */
    " nbpiece INTEGER,"       /* pos 24, NBPIECE */
    " surfhab INTEGER,"       /* pos 25, SURFHAB */
    " construct INTEGER,"     /* pos 26, CONSTRUCT */
    " locat INTEGER,"         /* pos 27, LOCAT */
    " patrimoine INTEGER,"    /* pos 28, PATRIMOINE */
    " origine INTEGER,"       /* pos 29, ORIGINE */
    " finan INTEGER,"         /* pos 32, FINAN / FINAN_CODE */
    " conv INTEGER,"          /* pos 34, CONV */
    " qpv TEXT,"              /* pos 22 (ZUS 1/2), QPV_CODE */
    " dpeenergie TEXT,"       /* pos 49, DPEENERGIE */
    " dpeserre TEXT,"         /* pos 50, DPESERRE */
    " dpedate TEXT,"          /* pos 48, DPEDATE (YYYY-MM) */
    " datconv TEXT,"          /* pos 36, DATCONV (YYYY-MM-DD) */
    " numconv TEXT,"          /* pos 35, NUMCONV */
    " finanautre TEXT,"       /* pos 33, FINANAUTRE */
    " cus INTEGER,"           /* pos 47, CUS */
    " sru_expir INTEGER,"     /* pos 51, SRU_EXPIR */
    " sru_alinea INTEGER,"    /* pos 52, SRU_ALINEA */
    " newlogt INTEGER,"       /* NEWLOGT_CODE */
    " pmr TEXT,"              /* PMR_CODE */
    " reg_code TEXT,"         /* REG_CODE */
    " dep_code TEXT,"         /* DEP / DEP_CODE */
    " epci_code TEXT,"        /* EPCI_CODE */
    " libcom TEXT,"           /* pos 6, LIBCOM */
    " numvoie TEXT, indrep TEXT, typvoie TEXT, nomvoie TEXT," /* pos 7-10 */
    " etage TEXT,"            /* pos 15, ETAGE */
    " complident TEXT,"       /* pos 16, COMPLGEO */
    " lieudit TEXT,"          /* pos 21, LIEUDIT */
    " immeuble TEXT,"         /* pos 19, IMMEU */
    " codsegpatrim TEXT, libsegpatrim TEXT," /* pos 54-55 */
    " x TEXT, y TEXT,"        /* X, Y (geocoding) */
    " rpls_id TEXT,"          /* pos 1 */
    " si_id TEXT,"            /* pos 2 */
    " numappt TEXT, numboite TEXT, escalier TEXT, couloir TEXT," /* 11-14 */
    " entree TEXT, batiment TEXT," /* pos 17-18 */
    " programme TEXT,"        /* pos 20 */
    " prev_owner TEXT, prev_siret TEXT," /* pos 30-31 */
    " sortie INTEGER,"        /* pos 37 */
    " disparition INTEGER,"   /* pos 38 */
    " creation INTEGER,"      /* pos 39 */
    " occupation INTEGER,"    /* pos 40 */
    " bail TEXT,"             /* pos 41 (YYYY-MM) */
    " modesurf INTEGER,"      /* pos 42 */
    " surfloyer INTEGER,"     /* pos 43 */
    " loyerprinc INTEGER, loyeracc INTEGER, contrib INTEGER," /* 44-46 */
    " loyermax_apl INTEGER, loyermax_cus INTEGER," /* pos 56-57 */
    " vente_type INTEGER, mise_vente INTEGER," /* pos 58-59 */
    " prix_vente INTEGER, produit_vente INTEGER," /* pos 60-61 */
    " date_offre TEXT,"       /* pos 62 (YYYY-MM) */
    " contingent INTEGER,"    /* pos 63 */
    " commentaire TEXT"       /* pos 64 */
    ");"
    /* Sums of the dwelling lines per (stock, manager), kept at import. */
    "CREATE TABLE stock_agg ("
    " stock INTEGER NOT NULL,"
    " manager TEXT NOT NULL,"      /* SIREN, '' = the owner */
    " manager_rpls TEXT NOT NULL," /* pos 53, '' = none (or the owner's) */
    " lines INTEGER NOT NULL,"
    " conv INTEGER NOT NULL,"
    " pre77_nc INTEGER NOT NULL,"
    " built10 INTEGER NOT NULL,"
    " entered6 INTEGER NOT NULL,"
    " PRIMARY KEY (stock, manager, manager_rpls)"
    ") WITHOUT ROWID;"
    "CREATE TABLE import_log ("
    " id INTEGER PRIMARY KEY,"
    " kind TEXT NOT NULL,"
    " file TEXT NOT NULL,"
    " rows INTEGER NOT NULL,"
    " at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
    ");",
    /* 2: capital and money (spec/rules-capital-money.md). */
    "CREATE TABLE holdings ("
    " company TEXT NOT NULL, holder TEXT NOT NULL, shares INTEGER NOT NULL,"
    " category INTEGER, holder_type TEXT, acquired TEXT, price_cents INTEGER,"
    " pact_id TEXT);"
    "CREATE INDEX holdings_company ON holdings(company);"
    "CREATE TABLE statutes ("
    " company TEXT PRIMARY KEY, cat2_votes INTEGER, cat3_votes INTEGER"
    ") WITHOUT ROWID;"
    "CREATE TABLE transfers ("
    " id TEXT PRIMARY KEY, company TEXT NOT NULL, seller TEXT NOT NULL,"
    " buyer TEXT NOT NULL, shares INTEGER NOT NULL, price_cents INTEGER,"
    " signed TEXT, deed_deposited TEXT, request_received TEXT,"
    " board_decision TEXT, board_decision_date TEXT, purchased TEXT,"
    " court_extension_until TEXT) WITHOUT ROWID;"
    "CREATE TABLE dividends ("
    " company TEXT NOT NULL, paid TEXT NOT NULL,"
    " per_share_cents INTEGER NOT NULL, PRIMARY KEY (company, paid)"
    ") WITHOUT ROWID;"
    "CREATE TABLE capital_ops ("
    " company TEXT NOT NULL, date TEXT NOT NULL, kind TEXT NOT NULL,"
    " price_per_share_cents INTEGER, derogation INTEGER,"
    " PRIMARY KEY (company, date, kind)) WITHOUT ROWID;"
    "CREATE TABLE loans ("
    " id TEXT PRIMARY KEY, lender TEXT NOT NULL, borrower TEXT NOT NULL,"
    " kind TEXT NOT NULL, amount_cents INTEGER NOT NULL,"
    " rate_bp INTEGER NOT NULL, signed TEXT NOT NULL, declared TEXT,"
    " opposition TEXT, opposed_by TEXT, disbursed TEXT,"
    " guarantor_informed INTEGER) WITHOUT ROWID;"
    "CREATE TABLE financials ("
    " organism TEXT NOT NULL, exercise INTEGER NOT NULL,"
    " financial_potential_cents INTEGER, dwellings INTEGER,"
    " dwellings_acquired_social INTEGER, rents_cents INTEGER,"
    " financial_income_cents INTEGER, PRIMARY KEY (organism, exercise)"
    ") WITHOUT ROWID;"
    "CREATE TABLE cooperation ("
    " structure TEXT NOT NULL, member TEXT NOT NULL, joined TEXT NOT NULL,"
    " convention_signed TEXT, PRIMARY KEY (structure, member)"
    ") WITHOUT ROWID;"
    "CREATE TABLE services ("
    " structure TEXT NOT NULL, service TEXT NOT NULL, period TEXT NOT NULL,"
    " cost_cents INTEGER NOT NULL, PRIMARY KEY (structure, service, period)"
    ") WITHOUT ROWID;"
    "CREATE TABLE usage ("
    " structure TEXT NOT NULL, service TEXT NOT NULL, period TEXT NOT NULL,"
    " member TEXT NOT NULL, units INTEGER NOT NULL,"
    " PRIMARY KEY (structure, service, period, member)) WITHOUT ROWID;"
    "CREATE TABLE invoices ("
    " structure TEXT NOT NULL, member TEXT NOT NULL, period TEXT NOT NULL,"
    " amount_cents INTEGER NOT NULL);"
    "CREATE INDEX invoices_set ON invoices(structure, period);",
    /* 3: the RPLS dwellings in a narrow table: the 17 columns of the
     * national open data, typed, then every other RPLS column packed in one
     * JSON array (rest); a view dwellings gives every column as before,
     * typed (CAST), so that no query changes.  SQLite writes one header
     * byte per column of a row, set or not: 19 columns instead of 73 halve
     * the store and cut the import time.  rest[k] is the view's column
     * 19 + k (dpedate first); rest is NULL when none of them is set, and
     * the array may stop before its last elements (NULL).  Dates are text
     * (YYYY-MM-DD, YYYY-MM), integers JSON numbers. */
    "CREATE TABLE dwelling_rows ("
    " stock INTEGER NOT NULL,"
    " manager TEXT,"
    " manager_rpls TEXT,"
    " depcom TEXT,"
    " codepostal TEXT,"
    " droit INTEGER,"
    " typeconst TEXT,"
    " nbpiece INTEGER,"
    " surfhab INTEGER,"
    " construct INTEGER,"
    " locat INTEGER,"
    " patrimoine INTEGER,"
    " origine INTEGER,"
    " finan INTEGER,"
    " conv INTEGER,"
    " qpv TEXT,"
    " dpeenergie TEXT,"
    " dpeserre TEXT,"
    " rest TEXT"
    ");"
    "INSERT INTO dwelling_rows(rowid, stock, manager, manager_rpls,"
    " depcom, codepostal, droit, typeconst, nbpiece, surfhab, construct,"
    " locat, patrimoine, origine, finan, conv, qpv, dpeenergie, dpeserre,"
    " rest) SELECT rowid, stock, manager, manager_rpls, depcom,"
    " codepostal, droit, typeconst, nbpiece, surfhab, construct, locat,"
    " patrimoine, origine, finan, conv, qpv, dpeenergie, dpeserre, CASE"
    " WHEN coalesce(dpedate, datconv, numconv, finanautre, cus, sru_expir,"
    " sru_alinea, newlogt, pmr, reg_code, dep_code, epci_code, libcom,"
    " numvoie, indrep, typvoie, nomvoie, etage, complident, lieudit,"
    " immeuble, codsegpatrim, libsegpatrim, x, y, rpls_id, si_id, numappt,"
    " numboite, escalier, couloir, entree, batiment, programme,"
    " prev_owner, prev_siret, sortie, disparition, creation, occupation,"
    " bail, modesurf, surfloyer, loyerprinc, loyeracc, contrib,"
    " loyermax_apl, loyermax_cus, vente_type, mise_vente, prix_vente,"
    " produit_vente, date_offre, contingent, commentaire) IS NULL THEN"
    " NULL ELSE json_array(dpedate, datconv, numconv, finanautre, cus,"
    " sru_expir, sru_alinea, newlogt, pmr, reg_code, dep_code, epci_code,"
    " libcom, numvoie, indrep, typvoie, nomvoie, etage, complident,"
    " lieudit, immeuble, codsegpatrim, libsegpatrim, x, y, rpls_id, si_id,"
    " numappt, numboite, escalier, couloir, entree, batiment, programme,"
    " prev_owner, prev_siret, sortie, disparition, creation, occupation,"
    " bail, modesurf, surfloyer, loyerprinc, loyeracc, contrib,"
    " loyermax_apl, loyermax_cus, vente_type, mise_vente, prix_vente,"
    " produit_vente, date_offre, contingent, commentaire) END FROM"
    " dwellings;"
    "DROP TABLE dwellings;"
    "CREATE VIEW dwellings AS SELECT stock, manager, manager_rpls,"
    " depcom, codepostal, droit, typeconst, nbpiece, surfhab, construct,"
    " locat, patrimoine, origine, finan, conv, qpv, dpeenergie, dpeserre,"
    " CAST(rest->>0 AS TEXT) AS dpedate,"
    " CAST(rest->>1 AS TEXT) AS datconv,"
    " CAST(rest->>2 AS TEXT) AS numconv,"
    " CAST(rest->>3 AS TEXT) AS finanautre,"
    " CAST(rest->>4 AS INTEGER) AS cus,"
    " CAST(rest->>5 AS INTEGER) AS sru_expir,"
    " CAST(rest->>6 AS INTEGER) AS sru_alinea,"
    " CAST(rest->>7 AS INTEGER) AS newlogt,"
    " CAST(rest->>8 AS TEXT) AS pmr,"
    " CAST(rest->>9 AS TEXT) AS reg_code,"
    " CAST(rest->>10 AS TEXT) AS dep_code,"
    " CAST(rest->>11 AS TEXT) AS epci_code,"
    " CAST(rest->>12 AS TEXT) AS libcom,"
    " CAST(rest->>13 AS TEXT) AS numvoie,"
    " CAST(rest->>14 AS TEXT) AS indrep,"
    " CAST(rest->>15 AS TEXT) AS typvoie,"
    " CAST(rest->>16 AS TEXT) AS nomvoie,"
    " CAST(rest->>17 AS TEXT) AS etage,"
    " CAST(rest->>18 AS TEXT) AS complident,"
    " CAST(rest->>19 AS TEXT) AS lieudit,"
    " CAST(rest->>20 AS TEXT) AS immeuble,"
    " CAST(rest->>21 AS TEXT) AS codsegpatrim,"
    " CAST(rest->>22 AS TEXT) AS libsegpatrim,"
    " CAST(rest->>23 AS TEXT) AS x,"
    " CAST(rest->>24 AS TEXT) AS y,"
    " CAST(rest->>25 AS TEXT) AS rpls_id,"
    " CAST(rest->>26 AS TEXT) AS si_id,"
    " CAST(rest->>27 AS TEXT) AS numappt,"
    " CAST(rest->>28 AS TEXT) AS numboite,"
    " CAST(rest->>29 AS TEXT) AS escalier,"
    " CAST(rest->>30 AS TEXT) AS couloir,"
    " CAST(rest->>31 AS TEXT) AS entree,"
    " CAST(rest->>32 AS TEXT) AS batiment,"
    " CAST(rest->>33 AS TEXT) AS programme,"
    " CAST(rest->>34 AS TEXT) AS prev_owner,"
    " CAST(rest->>35 AS TEXT) AS prev_siret,"
    " CAST(rest->>36 AS INTEGER) AS sortie,"
    " CAST(rest->>37 AS INTEGER) AS disparition,"
    " CAST(rest->>38 AS INTEGER) AS creation,"
    " CAST(rest->>39 AS INTEGER) AS occupation,"
    " CAST(rest->>40 AS TEXT) AS bail,"
    " CAST(rest->>41 AS INTEGER) AS modesurf,"
    " CAST(rest->>42 AS INTEGER) AS surfloyer,"
    " CAST(rest->>43 AS INTEGER) AS loyerprinc,"
    " CAST(rest->>44 AS INTEGER) AS loyeracc,"
    " CAST(rest->>45 AS INTEGER) AS contrib,"
    " CAST(rest->>46 AS INTEGER) AS loyermax_apl,"
    " CAST(rest->>47 AS INTEGER) AS loyermax_cus,"
    " CAST(rest->>48 AS INTEGER) AS vente_type,"
    " CAST(rest->>49 AS INTEGER) AS mise_vente,"
    " CAST(rest->>50 AS INTEGER) AS prix_vente,"
    " CAST(rest->>51 AS INTEGER) AS produit_vente,"
    " CAST(rest->>52 AS TEXT) AS date_offre,"
    " CAST(rest->>53 AS INTEGER) AS contingent,"
    " CAST(rest->>54 AS TEXT) AS commentaire"
    " FROM dwelling_rows;",
};

int hlm__schema_count(void) {
  return (int)(sizeof migrations / sizeof migrations[0]);
}

const char *hlm__schema_migration(int k) {
  if (k < 1 || k > hlm__schema_count())
    return NULL;
  return migrations[k - 1];
}

int hlm__schema_rewrites(int k) {
  /* 3: the RPLS dwellings copied into dwelling_rows */
  return k == 3;
}
