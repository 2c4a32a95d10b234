import rpls rpls-sub-owner-mismatch.csv --owner 275000016
