DROP TABLE organisation_invitations;
DROP TABLE organisation_members;
DROP TABLE organisations;
