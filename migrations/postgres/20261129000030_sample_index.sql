-- Each page drawn after a change asks whether the site still holds sample
-- data (and so says so); counting the sample signatories read the whole
-- table. This index holds only the sample rows.
CREATE INDEX signatories_sample ON signatories (id) WHERE sample;
