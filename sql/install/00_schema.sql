-- bounce--1.0.sql: assembled by the Makefile from the fragments in sql/install (released: frozen)

\echo Use "CREATE EXTENSION bounce" to load this file. \quit

-- The control file names the schema "bounce", which CREATE EXTENSION
-- creates; every object below is qualified with it.
