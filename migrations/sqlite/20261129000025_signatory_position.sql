-- Where a signatory is, for the map: decimal degrees (WGS 84), both or
-- neither; a region's point is its seat.
ALTER TABLE signatories ADD COLUMN latitude REAL CHECK (latitude BETWEEN -90 AND 90);
ALTER TABLE signatories ADD COLUMN longitude REAL CHECK (longitude BETWEEN -180 AND 180 AND (latitude IS NULL) = (longitude IS NULL));
