#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cross-check jiuzhu-cli's resident ID number rules with python-stdnum.

Usage: id-crosscheck.py PATH/TO/jiuzhu-cli [--seed N] [--count N]

Generates ID numbers deterministically, about half of them valid and the
rest broken in one way each, feeds them to `jiuzhu-cli id --at 2026-01-01`
and compares every output line with stdnum.cn.ric: the same verdict and, for
valid numbers, the same normalized number and birth date.  Sex and age,
which stdnum does not derive, are compared with a plain computation here.

Where Jiuzhu's rules differ from stdnum on purpose, the expectation is
adjusted, and each difference has its own category in the summary:
  - stdnum looks the six region digits up in its county table, Jiuzhu only
    checks the province (two digits).  Valid numbers therefore draw their
    region from stdnum's own table, and broken regions use province codes
    that do not exist; this difference is never exercised.
  - Jiuzhu refuses a birth date before 1900-01-01 or after --at; stdnum
    only asks that the date exists (category `date-out-of-range`).
  - Jiuzhu folds full-width digits and Ｘ, as typed with a Chinese input
    method, into ASCII; stdnum refuses them (category `full-width`).
Old 15-digit numbers are not generated: whether `id` upgrades them is the
CLI's choice, and stdnum does not know them.

Exits 0 when every line agrees, 1 otherwise (printing the first
disagreements), 2 when the CLI cannot be run or its output is unreadable.
"""

import argparse
import collections
import datetime
import random
import re
import subprocess
import sys

import stdnum
from stdnum import numdb
from stdnum.cn import ric

AT = datetime.date(2026, 1, 1)
FIRST_BIRTH = datetime.date(1900, 1, 1)
LAST_BIRTH = datetime.date(2025, 12, 31)

# Province-level codes of GB/T 2260 (what Jiuzhu accepts); every other
# two-digit prefix is a broken region.
PROVINCES = ({11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
              41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64,
              65, 71, 81, 82})
NOT_PROVINCES = [p for p in range(100) if p not in PROVINCES]

FULL_WIDTH = str.maketrans('0123456789X', '０１２３４５６７８９Ｘ')
HALF_WIDTH = str.maketrans('０１２３４５６７８９Ｘｘ', '0123456789XX')

TSV_FIELDS = 7


def county_codes():
    """All six-digit region codes in stdnum's own database."""
    codes = set()

    def walk(prefixes):
        for length, low, high, _props, children in prefixes:
            if length == 6:
                codes.update('%06d' % c for c in range(int(low), int(high) + 1))
            walk(children)

    walk(numdb.get('cn/loc').prefixes)
    return sorted(codes)


def check_char(first17):
    return ric.calc_check_digit(first17 + '0')


def random_date(rng, first, last):
    return first + datetime.timedelta(days=rng.randrange((last - first).days + 1))


class Generator:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.counties = county_codes()

    def first17(self, region=None, date=None):
        rng = self.rng
        if region is None:
            region = rng.choice(self.counties)
        if date is None:
            date = random_date(rng, FIRST_BIRTH, LAST_BIRTH).strftime('%Y%m%d')
        return region + date + '%03d' % rng.randrange(1000)

    def valid(self):
        first17 = self.first17()
        return first17 + check_char(first17)

    # -- the categories; each returns the text of one input line

    def cat_valid(self):
        return self.valid()

    def cat_lowercase_x(self):
        # About one valid number in eleven ends in X; make sure some are typed as x.
        while True:
            number = self.valid()
            if number.endswith('X'):
                return number[:-1] + 'x'

    def cat_whitespace(self):
        pad = ['  ', ' ', '\u3000', '\r']
        return self.rng.choice(pad[:3]) + self.valid() + self.rng.choice(pad)

    def cat_full_width(self):
        number = self.valid()
        if self.rng.random() < 0.5:
            return number.translate(FULL_WIDTH)
        # Mixed widths: an input method switched on halfway.
        cut = self.rng.randrange(1, 18)
        return number[:cut] + number[cut:].translate(FULL_WIDTH)

    def cat_wrong_check(self):
        number = self.valid()
        wrong = self.rng.choice([c for c in '0123456789X' if c != number[-1]])
        return number[:-1] + wrong

    def cat_swapped_digits(self):
        # The commonest typing slip; MOD 11-2 catches every swap of two
        # different neighbours in the first 17 digits.
        while True:
            number = self.valid()
            i = self.rng.randrange(16)
            if number[i] != number[i + 1]:
                swapped = number[:i] + number[i + 1] + number[i] + number[i + 2:]
                # A swap may also break the date or the region; that is fine,
                # it is still invalid for both sides.
                return swapped

    def cat_impossible_date(self):
        rng = self.rng
        year = rng.randrange(1900, 2026)
        kind = rng.randrange(7)
        if kind == 0:
            month, day = 0, rng.randrange(1, 29)
        elif kind == 1:
            month, day = rng.randrange(13, 100), rng.randrange(1, 29)
        elif kind == 2:
            month, day = rng.randrange(1, 13), 0
        elif kind == 3:
            month, day = rng.randrange(1, 13), rng.randrange(32, 100)
        elif kind == 4:
            month, day = rng.choice([4, 6, 9, 11]), 31
        elif kind == 5:
            month, day = 2, rng.choice([30, 31])
        else:
            year = rng.choice([y for y in range(1900, 2026)
                               if not (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0))])
            month, day = 2, 29
        first17 = self.first17(date='%04d%02d%02d' % (year, month, day))
        return first17 + check_char(first17)

    def cat_wrong_length(self):
        rng = self.rng
        number = self.valid()
        # 15 is left out on purpose, see the module comment; 18 is right.
        length = rng.choice([n for n in range(1, 25) if n not in (15, 18)])
        if length < 18:
            return number[:length]
        return number + ''.join(rng.choice('0123456789') for _ in range(length - 18))

    def cat_letter_inside(self):
        rng = self.rng
        number = self.valid()
        i = rng.randrange(18)
        # An X (or x) is only wrong before the last place.
        letters = 'ABCDEFGHIJKLMNOPQRSTUVWYZo -' if i == 17 else 'ABCDEFGHIJKLMNOPQRSTUVWXYZxo -'
        letter = rng.choice(letters)
        return number[:i] + letter + number[i + 1:]

    def cat_bad_region(self):
        rng = self.rng
        if rng.random() < 0.1:
            region = '000000'
        else:
            region = '%02d%04d' % (rng.choice(NOT_PROVINCES), rng.randrange(10000))
        first17 = self.first17(region=region)
        return first17 + check_char(first17)

    def cat_date_out_of_range(self):
        rng = self.rng
        if rng.random() < 0.5:
            date = random_date(rng, datetime.date(1800, 1, 1), datetime.date(1899, 12, 31))
        else:
            date = random_date(rng, AT + datetime.timedelta(days=1), datetime.date(2099, 12, 31))
        first17 = self.first17(date=date.strftime('%Y%m%d'))
        return first17 + check_char(first17)


# (category, weight): valid ones make up about half.
CATEGORIES = [
    ('valid', 40),
    ('lowercase-x', 3),
    ('whitespace', 4),
    ('full-width', 3),
    ('wrong-check', 12),
    ('swapped-digits', 5),
    ('impossible-date', 10),
    ('wrong-length', 8),
    ('letter-inside', 7),
    ('bad-region', 6),
    ('date-out-of-range', 2),
]


def generate(seed, count):
    gen = Generator(seed)
    names = [name for name, _ in CATEGORIES]
    weights = [weight for _, weight in CATEGORIES]
    cases = []
    for _ in range(count):
        name = gen.rng.choices(names, weights)[0]
        text = getattr(gen, 'cat_' + name.replace('-', '_'))()
        cases.append((name, text))
    return cases


def age_at(birth, at):
    return at.year - birth.year - ((at.month, at.day) < (birth.month, birth.day))


def expect(text):
    """What jiuzhu-cli should say about one input line: a dict of the TSV
    columns, valid or not."""
    folded = text.translate(HALF_WIDTH)
    if not ric.is_valid(folded):
        return {'verdict': 'invalid'}
    birth = ric.get_birth_date(folded)
    if not FIRST_BIRTH <= birth <= AT:
        return {'verdict': 'invalid', 'note': 'stdnum accepts it, but the birth date is out of range'}
    number = ric.compact(folded)
    return {
        'verdict': 'valid',
        'number': number,
        'birth': birth.isoformat(),
        'sex': 'M' if int(number[16]) % 2 == 1 else 'F',
        'age': str(age_at(birth, AT)),
    }


def compare(text, expected, fields):
    """Returns a list of the ways the CLI's line disagrees."""
    problems = []
    given, verdict, number, birth, sex, age, reason = fields
    # The CLI may echo the line as read or trimmed, and turns a stray
    # carriage return into a blank.
    if given.strip() != text.strip():
        problems.append('input column is %r' % given)
    if verdict != expected['verdict']:
        problems.append('CLI says %s, expected %s (%s)'
                        % (verdict, expected['verdict'], expected.get('note', 'as stdnum says')))
        return problems
    if verdict == 'valid':
        for column, value in (('number', number), ('birth', birth), ('sex', sex), ('age', age)):
            if value != expected[column]:
                problems.append('%s is %r, expected %r' % (column, value, expected[column]))
        if reason:
            problems.append('reason %r on a valid number' % reason)
    else:
        if number or birth or sex or age:
            problems.append('invalid number with derived columns %r' % (fields[2:6],))
        if not reason:
            problems.append('no reason given')
        # The reason is shown to clerks and may be logged: never the number.
        elif re.search(r'\d{5}', reason.translate(HALF_WIDTH)):
            problems.append('reason %r quotes digits of the number' % reason)
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('cli', help='path to jiuzhu-cli')
    parser.add_argument('--seed', type=int, default=11643)
    parser.add_argument('--count', type=int, default=10000)
    args = parser.parse_args()

    cases = generate(args.seed, args.count)
    stdin = ''.join(text + '\n' for _, text in cases)

    try:
        proc = subprocess.run([args.cli, 'id', '--at', AT.isoformat()],
                              input=stdin.encode('utf-8'), capture_output=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as e:
        print('id-crosscheck: cannot run %s: %s' % (args.cli, e), file=sys.stderr)
        return 2
    if proc.returncode != 0:
        print('id-crosscheck: %s id exited with status %d:\n%s'
              % (args.cli, proc.returncode, proc.stderr.decode('utf-8', 'replace')), file=sys.stderr)
        return 2
    try:
        lines = proc.stdout.decode('utf-8').split('\n')
    except UnicodeDecodeError as e:
        print('id-crosscheck: output is not UTF-8: %s' % e, file=sys.stderr)
        return 2
    if lines and lines[-1] == '':
        lines.pop()
    if len(lines) != len(cases):
        print('id-crosscheck: %d input lines but %d output lines' % (len(cases), len(lines)),
              file=sys.stderr)
        return 2

    per_category = collections.OrderedDict((name, [0, 0, 0]) for name, _ in CATEGORIES)
    disagreements = []
    verdicts = collections.Counter()
    for lineno, ((category, text), line) in enumerate(zip(cases, lines), 1):
        expected = expect(text)
        verdicts[expected['verdict']] += 1
        fields = line.split('\t')
        if len(fields) != TSV_FIELDS:
            problems = ['%d columns instead of %d' % (len(fields), TSV_FIELDS)]
        else:
            problems = compare(text, expected, fields)
        counts = per_category[category]
        counts[0] += 1
        counts[1 if expected['verdict'] == 'valid' else 2] += 1
        if problems:
            disagreements.append((lineno, category, text, line, problems))

    print('id-crosscheck: %d numbers (seed %d), %d expected valid and %d invalid (stdnum %s)'
          % (len(cases), args.seed, verdicts['valid'], verdicts['invalid'], stdnum.__version__))
    print('  %-20s %7s %7s %7s' % ('category', 'count', 'valid', 'invalid'))
    for name, (count, valid, invalid) in per_category.items():
        print('  %-20s %7d %7d %7d' % (name, count, valid, invalid))

    if disagreements:
        print('id-crosscheck: %d disagreements; the first ones:' % len(disagreements))
        for lineno, category, text, line, problems in disagreements[:10]:
            print('  line %d (%s) input %r' % (lineno, category, text))
            print('    CLI: %r' % line)
            for problem in problems:
                print('    - %s' % problem)
        return 1

    print('id-crosscheck: jiuzhu-cli and stdnum agree on all %d numbers' % len(cases))
    return 0


if __name__ == '__main__':
    sys.exit(main())
