-- Search in Dutch over the catalogue (issue 21.5): the PostgreSQL twin of
-- store/sqlite/migrations/0012_offer_search.sql. passend_fold lower-cases and strips the
-- diacritics of Western European letters with built-in functions only (no extension: the
-- unaccent extension's function is not immutable, so it could not feed a generated
-- column); the generated column follows every write to offers, the GIN index answers
-- prefix queries ('clienten:*').
CREATE FUNCTION passend_fold(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(translate(t, 'ÀÁÂÃÄÅĀÈÉÊËĒÌÍÎÏĪÒÓÔÕÖØŌÙÚÛÜŪÝŸÇÑàáâãäåāèéêëēìíîïīòóôõöøōùúûüūýÿçñ', 'aaaaaaaeeeeeiiiiiooooooouuuuuyycnaaaaaaaeeeeeiiiiiooooooouuuuuyycn'));

ALTER TABLE offers ADD COLUMN search tsvector
  GENERATED ALWAYS AS (to_tsvector('simple', passend_fold(name || ' ' || description))) STORED;
CREATE INDEX offers_search ON offers USING GIN (search);
