import rpls rpls-sub-bad-siret-key.csv
