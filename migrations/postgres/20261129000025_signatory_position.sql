-- Where a signatory is, for the map: decimal degrees (WGS 84), both or
-- neither; a region's point is its seat.
ALTER TABLE signatories
    ADD COLUMN latitude DOUBLE PRECISION CHECK (latitude BETWEEN -90 AND 90),
    ADD COLUMN longitude DOUBLE PRECISION CHECK (longitude BETWEEN -180 AND 180),
    ADD CONSTRAINT signatories_position_whole CHECK ((latitude IS NULL) = (longitude IS NULL));
