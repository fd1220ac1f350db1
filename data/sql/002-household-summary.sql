-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v2: what the case-file list reads (see app/core/jz-household-query.h).
--
-- The list of households is sorted, filtered, searched and counted in SQL
-- over 400,000 households, on every keystroke.  Joining persons and cases
-- for that is too slow, so two derived tables hold what the list needs:
--
--   household_summary  one row per household: its region, hukou, file
--                      status, head, members on file, programs with an
--                      active case, a summary case status and the monthly
--                      total of the active cases;
--   household_facets   (file status, facet, township, household) for counting and
--                      probing without a join: the first character of a
--                      member's name (FTS5's trigram index finds nothing
--                      for the 1–2 character patterns that names are), and
--                      each program with an active case.  All integers, so
--                      that the bulk rebuild sorts a million of them fast.
--
-- Both are kept by the plain SQL triggers below, so that any program that
-- writes the file (the sqlite3 shell too) keeps them right; no custom SQL
-- function is involved.  They are derived data: never written by the
-- program, never audited, and rebuilt whole by
--   DELETE FROM household_summary; DELETE FROM household_facets;
--   INSERT INTO household_summary SELECT * FROM household_summary_source;
--   INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source;
-- (jz_household_summary_rebuild() does the same with faster plans.)
-- The derived values live here rather than in households, so that an audit
-- diff of a household shows only what a clerk changed.

-- Clerks ask for "the last four digits": every number has 18 characters,
-- so the last four start at the 15th.
CREATE INDEX persons_id_tail ON persons (substr (id_number, 15));

CREATE TABLE household_summary (
  household_id   INTEGER PRIMARY KEY,
  township_id    INTEGER NOT NULL,           -- the village's parent region, 0 if none
  village_id     INTEGER NOT NULL,
  hukou          TEXT NOT NULL,
  file_status    TEXT NOT NULL,              -- households.status: open, closed, archived
  head_name      TEXT NOT NULL,              -- '' while the household has no head
  head_id_number TEXT NOT NULL,
  members        INTEGER NOT NULL,           -- persons on file (active)
  programs       TEXT NOT NULL,              -- codes with an active case, by programs.sort_order, comma-separated
  case_status    TEXT NOT NULL,              -- active, suspended, pending, ended, none
  monthly_amount INTEGER NOT NULL            -- fen, the sum over the active cases
);

-- (sort key, household_id) for keyset paging in every sort order.  File
-- status, township and hukou ride along, so that "open files of my
-- township" is decided from the index without reading the row.
CREATE INDEX household_summary_head_name ON household_summary (head_name, household_id, file_status, township_id, hukou);
CREATE INDEX household_summary_township ON household_summary (township_id, household_id, file_status, hukou);
CREATE INDEX household_summary_village ON household_summary (village_id, household_id, file_status, township_id, hukou);
CREATE INDEX household_summary_members ON household_summary (members, household_id, file_status, township_id, hukou);
CREATE INDEX household_summary_case_status ON household_summary (case_status, household_id, file_status, township_id, hukou);
CREATE INDEX household_summary_amount ON household_summary (monthly_amount, household_id, file_status, township_id, hukou);
-- The few files not open, to count the open ones as all but those.
CREATE INDEX household_summary_not_open ON household_summary (file_status) WHERE file_status <> 'open';

CREATE TABLE household_facets (
  file_status  INTEGER NOT NULL,  -- 0 open, 1 closed, 2 archived
  facet        INTEGER NOT NULL,  -- > 0: unicode () of the first character of a member's name;
                                  -- < 0: programs.sort_order − 1000000 of a program with an active case
  township_id  INTEGER NOT NULL,  -- as in household_summary: a township clerk's search counts its own
  household_id INTEGER NOT NULL,
  PRIMARY KEY (file_status, facet, township_id, household_id)
) WITHOUT ROWID;
CREATE INDEX household_facets_household ON household_facets (household_id);

-- Counts every change of the two tables above, so that a list can tell
-- "nothing it shows changed" from one number.
CREATE TABLE household_summary_generation (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  generation INTEGER NOT NULL
);
INSERT INTO household_summary_generation (id, generation) VALUES (1, 0);

-- The one definition of a summary row.  The case status is the most
-- pressing one among the household's cases: active, then suspended, then
-- pending (applied, not yet decided, or approved and not yet started),
-- then ended (terminated, rejected, withdrawn, or a one-off payment made).
CREATE VIEW household_summary_source AS
SELECT h.id AS household_id,
       coalesce (v.parent_id, 0) AS township_id,
       h.region_id AS village_id,
       h.hukou AS hukou,
       h.status AS file_status,
       coalesce (hp.name, '') AS head_name,
       coalesce (hp.id_number, '') AS head_id_number,
       (SELECT count(*) FROM persons p WHERE p.household_id = h.id AND p.active = 1) AS members,
       coalesce ((SELECT group_concat (program, ',') FROM
                    (SELECT c.program AS program FROM cases c JOIN programs g ON g.code = c.program
                     WHERE c.household_id = h.id AND c.status = 'active'
                     GROUP BY c.program ORDER BY min (g.sort_order))), '') AS programs,
       (SELECT CASE max (CASE
                           WHEN c.status = 'active' THEN 4
                           WHEN c.status = 'suspended' THEN 3
                           WHEN c.status IN ('draft', 'submitted', 'accepted', 'investigating',
                                             'village_notice', 'township_reviewed') THEN 2
                           WHEN c.status = 'approved' AND
                                (SELECT g.period FROM programs g WHERE g.code = c.program) <> 'once' THEN 2
                           ELSE 1
                         END)
                 WHEN 4 THEN 'active'
                 WHEN 3 THEN 'suspended'
                 WHEN 2 THEN 'pending'
                 WHEN 1 THEN 'ended'
                 ELSE 'none'
               END
        FROM cases c WHERE c.household_id = h.id) AS case_status,
       (SELECT coalesce (sum (c.monthly_amount), 0) FROM cases c
        WHERE c.household_id = h.id AND c.status = 'active') AS monthly_amount
FROM households h
LEFT JOIN regions v ON v.id = h.region_id
LEFT JOIN persons hp ON hp.id = h.head_person_id;

-- The members a search finds: those on file of an open file, and everyone
-- a closed or archived file had.  Select DISTINCT from it.
CREATE VIEW household_facets_source AS
SELECT CASE h.status WHEN 'open' THEN 0 WHEN 'closed' THEN 1 ELSE 2 END AS file_status,
       unicode (p.name) AS facet,
       coalesce ((SELECT v.parent_id FROM regions v WHERE v.id = h.region_id), 0) AS township_id,
       p.household_id AS household_id
FROM persons p JOIN households h ON h.id = p.household_id
WHERE p.active = 1 OR h.status <> 'open'
UNION ALL
SELECT CASE h.status WHEN 'open' THEN 0 WHEN 'closed' THEN 1 ELSE 2 END,
       (SELECT g.sort_order FROM programs g WHERE g.code = c.program) - 1000000,
       coalesce ((SELECT v.parent_id FROM regions v WHERE v.id = h.region_id), 0),
       c.household_id
FROM cases c JOIN households h ON h.id = c.household_id
WHERE c.status = 'active';

-- Fill both for the files there are; as jz_household_summary_rebuild() does.
INSERT INTO household_summary SELECT * FROM household_summary_source;
INSERT INTO household_facets
SELECT file_status, facet, township_id, household_id FROM (
  SELECT CASE h.status WHEN 'open' THEN 0 WHEN 'closed' THEN 1 ELSE 2 END AS file_status,
         unicode (p.name) AS facet, coalesce (v.parent_id, 0) AS township_id, p.household_id AS household_id
  FROM persons p NOT INDEXED JOIN households h ON h.id = p.household_id LEFT JOIN regions v ON v.id = h.region_id
  WHERE p.active = 1 OR h.status <> 'open'
  UNION ALL
  SELECT CASE h.status WHEN 'open' THEN 0 WHEN 'closed' THEN 1 ELSE 2 END,
         (SELECT g.sort_order FROM programs g WHERE g.code = c.program) - 1000000,
         coalesce (v.parent_id, 0), c.household_id
  FROM cases c NOT INDEXED JOIN households h ON h.id = c.household_id LEFT JOIN regions v ON v.id = h.region_id
  WHERE c.status = 'active')
GROUP BY 1, 2, 3, 4;

-- The triggers.  Each one computes the household's rows again from the
-- views: a DELETE and an INSERT rather than INSERT OR REPLACE, because the
-- conflict clause of the statement that fires a trigger overrides the
-- trigger's own.

CREATE TRIGGER household_summary_households_insert AFTER INSERT ON households
BEGIN
  INSERT INTO household_summary SELECT * FROM household_summary_source WHERE household_id = NEW.id;
  INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source WHERE household_id = NEW.id;
  UPDATE household_summary_generation SET generation = generation + 1;
END;

CREATE TRIGGER household_summary_households_update
AFTER UPDATE OF id, region_id, hukou, status, head_person_id ON households
BEGIN
  DELETE FROM household_summary WHERE household_id IN (OLD.id, NEW.id);
  DELETE FROM household_facets WHERE household_id IN (OLD.id, NEW.id);
  INSERT INTO household_summary SELECT * FROM household_summary_source WHERE household_id = NEW.id;
  INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source WHERE household_id = NEW.id;
  UPDATE household_summary_generation SET generation = generation + 1;
END;

CREATE TRIGGER household_summary_households_delete AFTER DELETE ON households
BEGIN
  DELETE FROM household_summary WHERE household_id = OLD.id;
  DELETE FROM household_facets WHERE household_id = OLD.id;
  UPDATE household_summary_generation SET generation = generation + 1;
END;

CREATE TRIGGER household_summary_persons_insert AFTER INSERT ON persons
BEGIN
  DELETE FROM household_summary WHERE household_id = NEW.household_id;
  DELETE FROM household_facets WHERE household_id = NEW.household_id;
  INSERT INTO household_summary SELECT * FROM household_summary_source WHERE household_id = NEW.household_id;
  INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source WHERE household_id = NEW.household_id;
  UPDATE household_summary_generation SET generation = generation + 1;
END;

CREATE TRIGGER household_summary_persons_update
AFTER UPDATE OF name, id_number, active, household_id ON persons
BEGIN
  DELETE FROM household_summary WHERE household_id IN (OLD.household_id, NEW.household_id);
  DELETE FROM household_facets WHERE household_id IN (OLD.household_id, NEW.household_id);
  INSERT INTO household_summary SELECT * FROM household_summary_source
    WHERE household_id IN (OLD.household_id, NEW.household_id);
  INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source WHERE household_id = OLD.household_id;
  INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source
    WHERE household_id = NEW.household_id AND NEW.household_id <> OLD.household_id;
  UPDATE household_summary_generation SET generation = generation + 1;
END;

CREATE TRIGGER household_summary_persons_delete AFTER DELETE ON persons
BEGIN
  DELETE FROM household_summary WHERE household_id = OLD.household_id;
  DELETE FROM household_facets WHERE household_id = OLD.household_id;
  INSERT INTO household_summary SELECT * FROM household_summary_source WHERE household_id = OLD.household_id;
  INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source WHERE household_id = OLD.household_id;
  UPDATE household_summary_generation SET generation = generation + 1;
END;

CREATE TRIGGER household_summary_cases_insert AFTER INSERT ON cases
BEGIN
  DELETE FROM household_summary WHERE household_id = NEW.household_id;
  DELETE FROM household_facets WHERE household_id = NEW.household_id;
  INSERT INTO household_summary SELECT * FROM household_summary_source WHERE household_id = NEW.household_id;
  INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source WHERE household_id = NEW.household_id;
  UPDATE household_summary_generation SET generation = generation + 1;
END;

CREATE TRIGGER household_summary_cases_update
AFTER UPDATE OF household_id, program, status, monthly_amount ON cases
BEGIN
  DELETE FROM household_summary WHERE household_id IN (OLD.household_id, NEW.household_id);
  DELETE FROM household_facets WHERE household_id IN (OLD.household_id, NEW.household_id);
  INSERT INTO household_summary SELECT * FROM household_summary_source
    WHERE household_id IN (OLD.household_id, NEW.household_id);
  INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source WHERE household_id = OLD.household_id;
  INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source
    WHERE household_id = NEW.household_id AND NEW.household_id <> OLD.household_id;
  UPDATE household_summary_generation SET generation = generation + 1;
END;

CREATE TRIGGER household_summary_cases_delete AFTER DELETE ON cases
BEGIN
  DELETE FROM household_summary WHERE household_id = OLD.household_id;
  DELETE FROM household_facets WHERE household_id = OLD.household_id;
  INSERT INTO household_summary SELECT * FROM household_summary_source WHERE household_id = OLD.household_id;
  INSERT INTO household_facets SELECT DISTINCT * FROM household_facets_source WHERE household_id = OLD.household_id;
  UPDATE household_summary_generation SET generation = generation + 1;
END;

-- A village moved to another township.
CREATE TRIGGER household_summary_regions_update AFTER UPDATE OF parent_id ON regions
BEGIN
  UPDATE household_facets SET township_id = coalesce (NEW.parent_id, 0)
    WHERE household_id IN (SELECT household_id FROM household_summary WHERE village_id = NEW.id);
  UPDATE household_summary SET township_id = coalesce (NEW.parent_id, 0) WHERE village_id = NEW.id;
  UPDATE household_summary_generation SET generation = generation + 1;
END;
