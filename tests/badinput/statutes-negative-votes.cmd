import statutes statutes-negative-votes.csv
