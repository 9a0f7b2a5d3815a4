#!/usr/bin/env python3
"""Randomized histories for bounce's address state, and an independent model
of SPEC section 2 to compare the extension's state with.

  model.py gen SEED DIR   write the SQL of the run (DIR/phase*.sql) and the
                          whole history (DIR/history.tsv)
  model.py compare DIR STATE_TSV
                          compare bounce.address_state (as exported by
                          check-state-history.sh) with the model's state of
                          the whole history; prints the differences, exits 1
                          when there is any

The model is written from the SPEC, not from src/core/state.c: events sorted
by time (same time: sent, delivered, bounce, open, click, complaint,
unsubscribe), a hard or soft bounce counts once per campaign while the
address is active, 3 hard campaigns confirm, 5 soft ones suppress
(soft_bounce), an open, click or delivered after the bounces resets both
streaks while active, a complaint or unsubscribe suppresses (complaint
outranks unsubscribe outranks soft_bounce), a bounce while not active is
kept as the last reason only, block and undetermined are the last reason
only, none changes nothing.  Each campaign's events lie within its own day,
so "once per campaign" needs no window.
"""
import random
import sys
from datetime import datetime, timedelta, timezone

ORDER = ['sent', 'delivered', 'bounce', 'open', 'click', 'complaint', 'unsubscribe']
REASONS = {'user_unknown': 'hard', 'mailbox_full': 'soft', 'blocked': 'block',
           'on_hold': 'undetermined', 'vacation': 'none'}
BASE = datetime(2024, 1, 1, tzinfo=timezone.utc)
MONTHS = 6                      # partitions: one per month, 2024-01 .. 2024-06
STRENGTH = {'soft_bounce': 1, 'unsubscribe': 2, 'complaint': 3}


def ts(t):
    return t.strftime('%Y-%m-%d %H:%M:%S+00')


def gen(seed, outdir):
    rnd = random.Random(seed)
    tenants = ['acme', 'ACME', '42']           # bytewise different tenants
    events = []
    for tenant in tenants:
        for a in range(60):
            local = 'u%d' % a
            # mixed case: one key per address
            variants = [local + '@hist.test', local.upper() + '@Hist.Test']
            profile = rnd.choice(['hard', 'soft', 'mixed', 'quiet', 'complain'])
            for c in range(1, 41):             # campaign c on day c*4
                day = BASE + timedelta(days=4 * c)
                if rnd.random() < 0.35:
                    continue
                t = day + timedelta(minutes=rnd.randrange(0, 600))
                addr = rnd.choice(variants)

                def ev(typ, reason=None, dt=0):
                    events.append((tenant, addr, c, typ, reason, t + timedelta(seconds=dt)))
                ev('sent')
                r = rnd.random()
                if profile == 'hard' and r < 0.6:
                    ev('bounce', rnd.choice(['user_unknown', 'user_unknown', 'blocked']), 60)
                elif profile == 'soft' and r < 0.7:
                    ev('bounce', rnd.choice(['mailbox_full', 'mailbox_full', 'on_hold']), 60)
                elif profile == 'mixed' and r < 0.5:
                    ev('bounce', rnd.choice(list(REASONS)), 60)
                else:
                    ev('delivered', None, 30)
                    if rnd.random() < 0.3:
                        ev(rnd.choice(['open', 'click']), None, 3600)
                if profile == 'complain' and rnd.random() < 0.05:
                    ev(rnd.choice(['complaint', 'unsubscribe']), None, 7200)
                if rnd.random() < 0.01:
                    ev('unsubscribe', None, 9000)
    rnd.shuffle(events)
    n = len(events)
    # duplicates: some events arrive twice
    dups = [events[i] for i in rnd.sample(range(n), n // 20)]
    first = events[: n // 2] + dups[: len(dups) // 2]
    rnd.shuffle(first)
    # what arrives after the purge: the rest, late and out of order
    late = events[n // 2:] + dups[len(dups) // 2:]
    rnd.shuffle(late)
    cut = BASE + timedelta(days=4 * 20)        # the purge: everything before

    def split(evs):
        """Events for the partitioned table (half via the parent, half straight
        into partitions, by INSERT and COPY) and for the second table."""
        parent_ins, part_ins, parent_copy, part_copy, second = [], [], [], [], []
        for e in evs:
            x = rnd.random()
            (parent_ins if x < 0.2 else part_ins if x < 0.4 else parent_copy if x < 0.55
             else part_copy if x < 0.7 else second).append(e)
        return parent_ins, part_ins, parent_copy, part_copy, second

    def part_of(t):
        return 'hev_%02d' % t.month

    def sql_value(e):
        tenant, addr, c, typ, reason, t = e
        return "(%s, %s, %d, %s, %s, %s)" % (q(tenant), q(addr), c, q(typ),
                                               q(reason) if reason else 'NULL', q(ts(t)))

    def write_phase(path, evs):
        parent_ins, part_ins, parent_copy, part_copy, second = split(evs)
        with open(path, 'w') as f:
            # multi-row INSERTs of up to 200 rows through the parent
            for i in range(0, len(parent_ins), 200):
                f.write('INSERT INTO hev (tenant, email, campaign, type, reason, at) VALUES\n')
                f.write(',\n'.join(sql_value(e) for e in parent_ins[i:i + 200]) + ';\n')
            # straight into the partitions
            by = {}
            for e in part_ins:
                by.setdefault(part_of(e[5]), []).append(e)
            for p, es in sorted(by.items()):
                for i in range(0, len(es), 150):
                    f.write('INSERT INTO %s (tenant, email, campaign, type, reason, at) VALUES\n' % p)
                    f.write(',\n'.join(sql_value(e) for e in es[i:i + 150]) + ';\n')
            f.write('COPY hev (tenant, email, campaign, type, reason, at) FROM stdin;\n')
            for e in parent_copy:
                f.write(copy_line(e))
            f.write('\\.\n')
            by = {}
            for e in part_copy:
                by.setdefault(part_of(e[5]), []).append(e)
            for p, es in sorted(by.items()):
                f.write('COPY %s (tenant, email, campaign, type, reason, at) FROM stdin;\n' % p)
                for e in es:
                    f.write(copy_line(e))
                f.write('\\.\n')
            # the second tracked table, other column names, row by row in part
            for i in range(0, len(second), 50):
                f.write('INSERT INTO hev2 (account, addr, stream, what, why, happened) VALUES\n')
                f.write(',\n'.join(sql_value(e) for e in second[i:i + 50]) + ';\n')

    write_phase(outdir + '/phase1.sql', first)
    with open(outdir + '/phase2.sql', 'w') as f:
        f.write("DELETE FROM hev WHERE at < %s;\n" % q(ts(cut)))
        f.write("DELETE FROM hev2 WHERE happened < %s;\n" % q(ts(cut)))
    write_phase(outdir + '/phase3.sql', late)
    with open(outdir + '/history.tsv', 'w') as f:
        for e in first + late:
            f.write(copy_line(e))


def q(s):
    return "'" + s.replace("'", "''") + "'"


def copy_line(e):
    tenant, addr, c, typ, reason, t = e
    return '\t'.join([tenant, addr, str(c), typ, reason or '\\N', ts(t)]) + '\n'


def key(addr):
    return addr.lower()                 # ASCII addresses: lower case is the key


def model(history):
    per = {}
    for line in history:
        tenant, addr, c, typ, reason, t = line.rstrip('\n').split('\t')
        per.setdefault((tenant, key(addr)), set()).add(
            (t, ORDER.index(typ), int(c), None if reason == '\\N' else reason))
    out = {}
    for k, evs in per.items():
        st = {'status': 'active', 'why': None, 'since': None, 'h': 0, 's': 0,
              'sent': None, 'hc': set(), 'sc': set(), 'last_reason': None}
        # same time and type: bounces by campaign, then kind and reason
        for t, o, c, reason in sorted(evs, key=lambda e: (e[0], e[1], e[2], e[3] or '')):
            typ = ORDER[o]
            if typ == 'sent':
                st['sent'] = t if st['sent'] is None or t > st['sent'] else st['sent']
            elif typ in ('delivered', 'open', 'click'):
                if st['status'] == 'active':
                    st['h'] = st['s'] = 0
            elif typ == 'bounce':
                kind = REASONS[reason]
                if kind == 'none':
                    continue
                st['last_reason'] = reason
                if st['status'] != 'active':
                    continue
                if kind == 'hard' and c not in st['hc']:
                    st['hc'].add(c)
                    st['h'] += 1
                    if st['h'] >= 3:
                        st['status'], st['since'] = 'confirmed', t
                elif kind == 'soft' and c not in st['sc']:
                    st['sc'].add(c)
                    st['s'] += 1
                    if st['s'] >= 5:
                        suppress(st, 'soft_bounce', t)
            else:
                suppress(st, typ, t)
        out[k] = st
    return out


def suppress(st, why, t):
    if st['status'] != 'suppressed':
        st['status'], st['why'], st['since'] = 'suppressed', why, t
    elif STRENGTH[why] > STRENGTH[st['why']]:
        st['why'] = why


def compare(outdir, state_tsv):
    with open(outdir + '/history.tsv') as f:
        want = model(f)
    got = {}
    with open(state_tsv) as f:
        for line in f:
            tenant, addr, status, why, since, h, s, sent, last_reason = line.rstrip('\n').split('\t')
            got[(tenant, addr)] = (status, why or None, since or None, int(h), int(s),
                                   sent or None, last_reason or None)
    diffs = 0
    for k in sorted(set(want) | set(got)):
        w = want.get(k)
        wt = (w['status'], w['why'], w['since'], w['h'], w['s'], w['sent'],
              w['last_reason']) if w else None
        g = got.get(k)
        if wt != g:
            diffs += 1
            if diffs <= 20:
                print('difference %s: model %s, bounce %s' % (k, wt, g))
    print('%d addresses in the model, %d in bounce.address_state, %d differences'
          % (len(want), len(got), diffs))
    return 1 if diffs else 0


if __name__ == '__main__':
    if sys.argv[1] == 'gen':
        gen(int(sys.argv[2]), sys.argv[3])
    else:
        sys.exit(compare(sys.argv[2], sys.argv[3]))
