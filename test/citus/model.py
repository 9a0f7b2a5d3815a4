#!/usr/bin/env python3
"""An independent model of SPEC section 2 (address state), for
test/check-citus.sh: written from the specification and the README's
choices, not from the C code.

  model.py gen SEED N_TENANTS N_ADDRESSES N_EVENTS > events.tsv
      random histories: tab-separated account_id, email, campaign_id (\\N
      for none), type, smtp_code, smtp_status, diagnostic, occurred_at;
      duplicates and late arrivals included, rows shuffled.
  model.py check EVENTS STATE
      EVENTS: tenant, address, campaign, type, kind, epoch seconds (as read
      on the coordinator); STATE: tenant, address, status,
      suppression_reason, hard_streak, soft_streak.  Prints each difference
      and "N passed, M failed" (one check per address).

Default policy: hard_threshold 3, soft_threshold 5, reset_on {open, click},
reset_on_delivered true.
"""
import random
import sys
import time

HARD, SOFT = 3, 5
ORDER = {t: i for i, t in enumerate(
    ['sent', 'delivered', 'bounce', 'open', 'click', 'complaint', 'unsubscribe'])}
STRENGTH = {'soft_bounce': 1, 'unsubscribe': 2, 'complaint': 3}

# Diagnostics whose built-in kind is plain (SPEC section 1's own examples).
BOUNCES = [
    (550, '5.1.1', '550 5.1.1 User unknown / mailbox does not exist'),        # hard
    (550, '5.1.2', '550 5.1.2 Domain not found / bad destination'),           # hard
    (552, '5.2.2', '552 5.2.2 Mailbox full'),                                 # soft
    (450, '4.2.1', '450 4.2.1 Mailbox temporarily unavailable'),              # soft
    (550, '5.7.1', '550 5.7.1 Message rejected by policy (sender blocked)'),  # block
]


def gen(seed, n_tenants, n_addr, n_events):
    rnd = random.Random(seed)
    rows = []
    types = (['sent'] * 6 + ['delivered'] * 3 + ['bounce'] * 9 + ['open'] * 2 +
             ['click'])
    base = 1767225600  # 2026-01-01 UTC
    for t in range(1, n_tenants + 1):
        for a in range(n_addr):
            local = 'user%d.%d' % (t, a)
            times = rnd.sample(range(0, 100000), n_events)
            for i in range(n_events):
                typ = rnd.choice(types)
                r = rnd.random()
                if r < 0.004:
                    typ = 'complaint'
                elif r < 0.008:
                    typ = 'unsubscribe'
                email = rnd.choice([local, local.upper(), local.capitalize()]) + '@example.net'
                camp = rnd.choice(['1', '2', '3', '4', '5', '6', '7', '\\N'])
                code, status, diag = ('\\N', '\\N', '\\N')
                if typ == 'bounce':
                    c, s, d = rnd.choice(BOUNCES)
                    code, status, diag = str(c), s, d
                at = base + times[i]
                row = '\t'.join([str(t), email, camp, typ, code, status, diag,
                                 time.strftime('%Y-%m-%d %H:%M:%S+00', time.gmtime(at))])
                rows.append(row)
                if rnd.random() < 0.1:
                    rows.append(row)        # a duplicate
    rnd.shuffle(rows)                       # late and out-of-order arrivals
    for r in rows:
        print(r)


def apply(st, typ, kind, camp):
    if typ in ('open', 'click', 'delivered'):
        if st['status'] == 'active':
            st['hard'] = st['soft'] = 0
    elif typ == 'bounce':
        if st['status'] != 'active':
            return                          # recorded, not counted (rule 7)
        if kind == 'hard' and camp not in st['hard_c']:
            st['hard_c'] = (st['hard_c'] + [camp])[-HARD:]
            st['hard'] += 1
            if st['hard'] >= HARD:
                st['status'] = 'confirmed'
        elif kind == 'soft' and camp not in st['soft_c']:
            st['soft_c'] = (st['soft_c'] + [camp])[-SOFT:]
            st['soft'] += 1
            if st['soft'] >= SOFT:
                suppress(st, 'soft_bounce')
    elif typ in ('complaint', 'unsubscribe'):
        suppress(st, typ)


def suppress(st, why):
    if st['status'] != 'suppressed':
        st['status'] = 'suppressed'
        st['reason'] = why
    elif STRENGTH[why] > STRENGTH.get(st['reason'], 0):
        st['reason'] = why


def check(events_path, state_path):
    by_key = {}
    seen = set()
    for line in open(events_path):
        tenant, address, camp, typ, kind, at = line.rstrip('\n').split('\t')
        at = int(float(at))
        ev = (at, ORDER[typ], camp, kind)
        key = (tenant, address.lower())
        if (key, ev) in seen:
            continue                        # the same event twice counts once
        seen.add((key, ev))
        by_key.setdefault(key, []).append(ev)
    want = {}
    for key, evs in by_key.items():
        st = {'status': 'active', 'reason': None, 'hard': 0, 'soft': 0,
              'hard_c': [], 'soft_c': []}
        for at, order, camp, kind in sorted(evs):
            apply(st, [t for t, o in ORDER.items() if o == order][0], kind,
                  camp if camp != '\\N' else 't%d' % at)
        want[key] = st
    got = {}
    for line in open(state_path):
        tenant, address, status, reason, hard, soft = line.rstrip('\n').split('\t')
        got[(tenant, address)] = (status, None if reason == '\\N' else reason,
                                  int(hard), int(soft))
    passed = failed = 0
    for key in sorted(set(want) | set(got)):
        w = want.get(key)
        g = got.get(key)
        if w is None or g is None:
            print('FAILED  %s/%s: %s' % (key[0], key[1],
                                         'no state row' if g is None else 'no events'))
            failed += 1
            continue
        exp = (w['status'], w['reason'] if w['status'] == 'suppressed' else None)
        ok = (g[0], g[1] if g[0] == 'suppressed' else None) == exp
        if ok and w['status'] == 'active':
            ok = (g[2], g[3]) == (w['hard'], w['soft'])
        if ok:
            passed += 1
        else:
            print('FAILED  %s/%s: state %s, model %s/%s hard=%d soft=%d' % (
                key[0], key[1], g, w['status'], w['reason'], w['hard'], w['soft']))
            failed += 1
    print('%d passed, %d failed' % (passed, failed))
    return failed == 0


if __name__ == '__main__':
    if sys.argv[1] == 'gen':
        gen(int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
    else:
        sys.exit(0 if check(sys.argv[2], sys.argv[3]) else 1)
