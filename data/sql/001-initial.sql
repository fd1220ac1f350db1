-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema v1. Money is INTEGER fen; dates are ISO YYYY-MM-DD text; ratios and
-- percentages are INTEGER basis points (1/10000) so that no float is stored.

-- "JZHU": marks the file as ours (see jz-db.c).
PRAGMA application_id = 1247430741;

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE regions (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES regions (id),
  level     TEXT NOT NULL CHECK (level IN ('district', 'township', 'village')),
  kind      TEXT NOT NULL CHECK (kind IN ('district', 'town', 'street', 'zone', 'village', 'community')),
  code      TEXT NOT NULL UNIQUE,
  name      TEXT NOT NULL,
  version   INTEGER NOT NULL DEFAULT 1,
  CHECK ((level = 'district') = (parent_id IS NULL))
);
CREATE INDEX regions_parent ON regions (parent_id);

CREATE TABLE programs (
  code       TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  name_zh    TEXT NOT NULL,
  unit       TEXT NOT NULL CHECK (unit IN ('household', 'person')),
  period     TEXT NOT NULL CHECK (period IN ('month', 'quarter', 'once', 'none')),
  sort_order INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO programs (code, name, name_zh, unit, period, sort_order) VALUES
  ('dibao_urban',       'Urban minimum living guarantee',            '城市低保',                     'household', 'month',   1),
  ('dibao_rural',       'Rural minimum living guarantee',            '农村低保',                     'household', 'month',   2),
  ('tekun_dispersed',   'Extreme poverty support, dispersed',        '分散供养特困',                 'person',    'quarter', 3),
  ('tekun_centralized', 'Extreme poverty support, centralized',      '集中供养特困',                 'person',    'month',   4),
  ('temporary',         'Temporary assistance',                      '临时救助',                     'household', 'once',    5),
  ('disability_living', 'Living subsidy for disabled people in need', '困难残疾人生活补贴',           'person',    'month',   6),
  ('disability_care',   'Care subsidy for severely disabled people', '重度残疾人护理补贴',           'person',    'month',   7),
  ('child_living',      'Basic living allowance for children',       '孤儿/事实无人抚养儿童基本生活费', 'person',    'month',   8),
  ('low_income',        'Low-income monitoring',                     '低收入/低保边缘',              'household', 'none',    9);

CREATE TABLE households (
  id             INTEGER PRIMARY KEY,
  region_id      INTEGER NOT NULL REFERENCES regions (id),
  head_person_id INTEGER REFERENCES persons (id) DEFERRABLE INITIALLY DEFERRED,
  hukou          TEXT NOT NULL CHECK (hukou IN ('urban', 'rural')),
  address        TEXT NOT NULL DEFAULT '',
  phone          TEXT NOT NULL DEFAULT '',
  bank           TEXT NOT NULL DEFAULT '',
  bank_account   TEXT NOT NULL DEFAULT '',
  notes          TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'archived')),
  predecessor_id INTEGER REFERENCES households (id),
  opened_on      TEXT NOT NULL,
  closed_on      TEXT,
  version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX households_region ON households (region_id);
CREATE INDEX households_head ON households (head_person_id);
CREATE INDEX households_predecessor ON households (predecessor_id);

CREATE TABLE persons (
  id               INTEGER PRIMARY KEY,
  household_id     INTEGER NOT NULL REFERENCES households (id),
  name             TEXT NOT NULL CHECK (length (name) > 0),
  id_number        TEXT NOT NULL CHECK (length (id_number) = 18),
  relation         TEXT NOT NULL CHECK (relation IN ('head', 'spouse', 'child', 'parent', 'grandchild', 'grandparent', 'sibling', 'other')),
  sex              TEXT NOT NULL CHECK (sex IN ('M', 'F')),
  birth_date       TEXT NOT NULL,
  disability_kind  TEXT CHECK (disability_kind IN ('visual', 'hearing', 'speech', 'limb', 'intellectual', 'mental', 'multiple')),
  disability_grade INTEGER CHECK (disability_grade BETWEEN 1 AND 4),
  disability_cert  TEXT,
  severe_illness   TEXT,
  labour_capacity  TEXT NOT NULL DEFAULT 'full' CHECK (labour_capacity IN ('full', 'partial', 'none')),
  self_care        TEXT NOT NULL DEFAULT 'self_care' CHECK (self_care IN ('self_care', 'partial_care', 'full_care')),
  employment       TEXT NOT NULL DEFAULT 'none' CHECK (employment IN ('employed', 'farming', 'self_employed', 'unemployed', 'student', 'retired', 'none')),
  active           INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  left_on          TEXT,
  left_reason      TEXT CHECK (left_reason IN ('moved_out', 'died', 'household_closed')),
  version          INTEGER NOT NULL DEFAULT 1,
  CHECK ((disability_kind IS NULL) = (disability_grade IS NULL)),
  CHECK (active = 1 OR left_on IS NOT NULL)
);
CREATE INDEX persons_household ON persons (household_id);
CREATE INDEX persons_name ON persons (name);
-- One person can be an active member of one household only.
CREATE UNIQUE INDEX persons_active_id_number ON persons (id_number) WHERE active = 1;
CREATE INDEX persons_id_number ON persons (id_number);

CREATE TABLE incomes (
  id             INTEGER PRIMARY KEY,
  person_id      INTEGER NOT NULL REFERENCES persons (id),
  kind           TEXT NOT NULL CHECK (kind IN ('wage', 'farming', 'business', 'pension', 'transfer', 'property', 'other')),
  monthly_amount INTEGER NOT NULL CHECK (monthly_amount >= 0),
  version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX incomes_person ON incomes (person_id);

CREATE TABLE cases (
  id             INTEGER PRIMARY KEY,
  household_id   INTEGER NOT NULL REFERENCES households (id),
  person_id      INTEGER REFERENCES persons (id),
  program        TEXT NOT NULL REFERENCES programs (code),
  status         TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'accepted', 'investigating', 'village_notice',
                                                 'township_reviewed', 'approved', 'active', 'suspended', 'terminated',
                                                 'rejected', 'withdrawn')),
  applied_on     TEXT NOT NULL,
  decided_on     TEXT,
  starts_on      TEXT,
  ended_on       TEXT,
  end_reason     TEXT,
  persons        INTEGER NOT NULL DEFAULT 1 CHECK (persons >= 1),
  monthly_amount INTEGER NOT NULL DEFAULT 0 CHECK (monthly_amount >= 0),
  version        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cases_household ON cases (household_id);
CREATE INDEX cases_person ON cases (person_id);
CREATE INDEX cases_program_status ON cases (program, status);

-- Every change of a case's status or amount, so that a decision is never rewritten.
CREATE TABLE case_history (
  id             INTEGER PRIMARY KEY,
  case_id        INTEGER NOT NULL REFERENCES cases (id),
  on_date        TEXT NOT NULL,
  status         TEXT NOT NULL,
  monthly_amount INTEGER NOT NULL DEFAULT 0,
  note           TEXT NOT NULL DEFAULT '',
  user_name      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_history_case ON case_history (case_id, on_date);

CREATE TABLE standards (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL,
  hukou          TEXT CHECK (hukou IN ('urban', 'rural')),
  region_id      INTEGER REFERENCES regions (id),
  amount         INTEGER,
  rate_bp        INTEGER,
  effective_from TEXT NOT NULL,
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK ((amount IS NULL) <> (rate_bp IS NULL))
);
CREATE INDEX standards_lookup ON standards (kind, hukou, effective_from);

CREATE TABLE users (
  id        INTEGER PRIMARY KEY,
  name      TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL DEFAULT '',
  role      TEXT NOT NULL DEFAULT 'clerk' CHECK (role IN ('clerk', 'reviewer', 'leader', 'admin')),
  region_id INTEGER REFERENCES regions (id),
  active    INTEGER NOT NULL DEFAULT 1,
  version   INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE audit_log (
  id         INTEGER PRIMARY KEY,
  at         TEXT NOT NULL,
  user_name  TEXT NOT NULL,
  table_name TEXT NOT NULL,
  row_id     INTEGER NOT NULL,
  action     TEXT NOT NULL,
  old_values TEXT CHECK (old_values IS NULL OR json_valid (old_values)),
  new_values TEXT CHECK (new_values IS NULL OR json_valid (new_values))
);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);
