import invoices invoices-extra-field.csv
