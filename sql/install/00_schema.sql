/* bounce--1.0.sql: assembled from sql/install/*.sql by the Makefile */

\echo Use "CREATE EXTENSION bounce" to load this file. \quit

-- The control file names the schema "bounce", which CREATE EXTENSION
-- creates; every object below is qualified with it.
