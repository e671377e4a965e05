-- =====================================================================================
-- Extensions, in schema `extensions` as on Supabase, always referenced schema-qualified.
-- All of them are "trusted": a database owner without superuser may create them.
-- =====================================================================================

create schema if not exists extensions;

-- crypt() and gen_salt() for bcrypt hashes in seed data; digest() for hashing in SQL.
create extension if not exists pgcrypto with schema extensions;
