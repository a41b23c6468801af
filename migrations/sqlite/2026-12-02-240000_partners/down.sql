DROP TABLE application_partners;
