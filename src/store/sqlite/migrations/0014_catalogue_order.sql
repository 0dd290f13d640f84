-- The catalogue's pages in id order without sorting (issue 21.5): the list of one kind walks
-- offers_by_kind in id order and stops after a page, instead of sorting every offer of that
-- kind. locations_by_position answers ?near= from the index alone (a band of latitudes).
DROP INDEX offers_by_kind;
CREATE INDEX offers_by_kind ON offers(kind, id);
CREATE INDEX locations_by_position ON locations(lat, lon, id);
