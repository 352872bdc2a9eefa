//! Clusters from verified edges: union-find over full variants, then each fragment cluster
//! attached to its one best parent, so a fragment never bridges two statements.
//!
//! Each cluster carries the named speaker of its members, if any. A union that would put two
//! different named speakers in one cluster is refused — an unnamed quote that resembles both
//! Austin's and Kirby's words joins one of them, never both — and edges are taken strongest
//! first, so the better match wins.

/// Union-find with path halving; the smaller index becomes the root, so roots are stable.
/// Each root holds its cluster's named speaker.
pub(crate) struct UnionFind {
    parent: Vec<u32>,
    speaker: Vec<Option<u32>>,
    /// The days each root's occasion may fall on: the intersection of its members' (`None`:
    /// no dated member).
    days: Vec<Option<(i32, i32)>>,
}

impl UnionFind {
    /// Clusters whose members' occasions (`days`, first and last) must share a day.
    pub fn with_days(speakers: &[Option<u32>], days: &[Option<(i32, i32)>]) -> Self {
        UnionFind {
            parent: (0..speakers.len() as u32).collect(),
            speaker: speakers.to_vec(),
            days: days.to_vec(),
        }
    }

    /// The named speaker of `x`'s cluster.
    pub fn speaker(&mut self, x: u32) -> Option<u32> {
        let r = self.find(x);
        self.speaker[r as usize]
    }

    pub fn find(&mut self, mut x: u32) -> u32 {
        while self.parent[x as usize] != x {
            let p = self.parent[x as usize];
            self.parent[x as usize] = self.parent[p as usize];
            x = self.parent[x as usize];
        }
        x
    }

    /// Joins the clusters of `a` and `b` unless they have different named speakers, or
    /// (when `one_occasion`) their occasions share no day (a day's slack either side).
    pub fn union(&mut self, a: u32, b: u32, one_occasion: bool) {
        let (ra, rb) = (self.find(a), self.find(b));
        let (sa, sb) = (self.speaker[ra as usize], self.speaker[rb as usize]);
        if ra == rb || !(sa.is_none() || sb.is_none() || sa == sb) {
            return;
        }
        let days = match (self.days[ra as usize], self.days[rb as usize]) {
            (Some((p, q)), Some((r, s))) => {
                let far = apart((p, q), (r, s));
                if one_occasion && far {
                    return;
                }
                // The days both can be; when a long run joins two occasions, both spans.
                if far {
                    Some((p.min(r), q.max(s)))
                } else {
                    // They meet, perhaps only within the day's slack.
                    let (lo, hi) = (p.max(r), q.min(s));
                    Some((lo.min(hi), lo.max(hi)))
                }
            }
            (x, y) => x.or(y),
        };
        let (lo, hi) = (ra.min(rb), ra.max(rb));
        self.parent[hi as usize] = lo;
        self.speaker[lo as usize] = sa.or(sb);
        self.days[lo as usize] = days;
    }
}

/// A verified link between two quotes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Edge {
    pub a: u32,
    pub b: u32,
    pub dice: f64,
    pub containment: f64,
    /// `Some(child)` when the edge attaches a dependent quote to a full statement: a
    /// fragment (the shorter side) or a reported clause.
    pub child: Option<u32>,
    /// The longest verbatim run the two share, in tokens.
    pub run: u32,
}

/// Whether two occasions (first and last day) can be no one day, with a day's slack either
/// side: the test of verification and of every union.
pub(crate) fn apart((p, q): (i32, i32), (r, s): (i32, i32)) -> bool {
    p > s + 1 || r > q + 1
}

/// How clusters are kept to one occasion: the days each quote's occasion may fall on, and
/// the verbatim run that may join two occasions.
pub(crate) struct Occasions<'d> {
    pub days: &'d [Option<(i32, i32)>],
    pub min_run: u32,
}

/// Whether a variant cluster depends on another statement, and how: it then attaches to
/// one parent instead of joining by union.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dependent {
    /// A full statement (or quotes of several kinds).
    No,
    /// Reported clauses only: attaches to a quoted statement (a fragment cluster included).
    Reported,
    /// Fragments only: attaches to a full statement.
    Fragment,
}

/// Whether a cluster of kind `parent` whose longest member has `parent_len` tokens may take
/// a cluster of kind `child` (longest member `child_len`) as its child: a fragment attaches
/// to a full statement or to a longer cluster of short quotes (which may attach in turn: the
/// lengths only grow, so nothing goes round), a reported clause to any quoted statement.
fn may_parent(parent: (Dependent, usize), child: (Dependent, usize)) -> bool {
    match child.0 {
        Dependent::No => false,
        Dependent::Fragment => {
            parent.0 == Dependent::No || (parent.0 == Dependent::Fragment && parent.1 > child.1)
        }
        Dependent::Reported => parent.0 != Dependent::Reported,
    }
}

/// Groups quotes by the edges; returns each quote's cluster root. `speakers` gives each
/// quote's named speaker (as a number), `dependent` says (by its members) whether a variant
/// cluster depends on another statement, and the length of its longest member in tokens.
pub(crate) fn clusters(
    speakers: &[Option<u32>],
    occasions: &Occasions,
    edges: &[Edge],
    dependent: impl Fn(&[u32]) -> (Dependent, usize),
) -> Vec<u32> {
    let n = speakers.len();
    let mut uf = UnionFind::with_days(speakers, occasions.days);
    // Strongest first; ties by quote numbers, so the order is total and deterministic.
    let mut variants: Vec<&Edge> = edges.iter().filter(|e| e.child.is_none()).collect();
    variants.sort_by(|x, y| {
        (y.dice, y.containment)
            .partial_cmp(&(x.dice, x.containment))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    for e in variants {
        uf.union(e.a, e.b, e.run < occasions.min_run);
    }
    // Members of each variant cluster.
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); n];
    for q in 0..n as u32 {
        let r = uf.find(q);
        members[r as usize].push(q);
    }
    let kind: Vec<(Dependent, usize)> = members
        .iter()
        .map(|m| {
            if m.is_empty() {
                (Dependent::No, 0)
            } else {
                dependent(m)
            }
        })
        .collect();
    // Best parent cluster of each fragment cluster: highest containment, then Dice, then the
    // smaller parent root (deterministic).
    let mut best: Vec<Option<(f64, f64, u32)>> = vec![None; n];
    for e in edges {
        let Some(child) = e.child else {
            continue;
        };
        let parent = if child == e.a { e.b } else { e.a };
        let (rc, rp) = (uf.find(child), uf.find(parent));
        if rc == rp || !may_parent(kind[rp as usize], kind[rc as usize]) {
            continue;
        }
        let (sc, sp) = (uf.speaker(rc), uf.speaker(rp));
        if sc.is_some() && sp.is_some() && sc != sp {
            continue;
        }
        let candidate = (e.containment, e.dice, rp);
        let better = match best[rc as usize] {
            None => true,
            Some((c, d, r)) => {
                (candidate.0, candidate.1) > (c, d)
                    || ((candidate.0, candidate.1) == (c, d) && rp < r)
            }
        };
        if better {
            best[rc as usize] = Some(candidate);
        }
    }
    // Attach from the variant roots (a fragment cluster's parent is a full statement, never
    // another fragment cluster, so nothing chains), best matches first; a parent takes the
    // named speaker of the first named fragment it gains, and refuses fragments by another.
    let roots: Vec<u32> = (0..n as u32).map(|q| uf.find(q)).collect();
    let mut attach: Vec<(f64, f64, u32, u32)> = (0..n as u32)
        .filter(|&r| roots[r as usize] == r)
        .filter_map(|r| best[r as usize].map(|(c, d, p)| (c, d, r, p)))
        .collect();
    attach.sort_by(|x, y| {
        (y.0, y.1)
            .partial_cmp(&(x.0, x.1))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(x.2.cmp(&y.2))
    });
    let mut parent_of: Vec<u32> = (0..n as u32).collect();
    let mut speaker: Vec<Option<u32>> = (0..n as u32).map(|r| uf.speaker(r)).collect();
    for (_, _, child, parent) in attach {
        let (sc, sp) = (speaker[child as usize], speaker[parent as usize]);
        if sc.is_some() && sp.is_some() && sc != sp {
            continue;
        }
        speaker[parent as usize] = sp.or(sc);
        parent_of[child as usize] = parent;
    }
    // A reported cluster's parent may be a fragment cluster that has a parent of its own.
    let top = |mut r: u32| {
        while parent_of[r as usize] != r {
            r = parent_of[r as usize];
        }
        r
    };
    roots.iter().map(|&r| top(r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: u32, b: u32, child: Option<u32>, containment: f64) -> Edge {
        Edge {
            a,
            b,
            dice: 0.5,
            containment,
            child,
            run: 0,
        }
    }

    fn fragments(yes: bool) -> (Dependent, usize) {
        if yes {
            (Dependent::Fragment, 3)
        } else {
            (Dependent::No, 20)
        }
    }

    #[test]
    fn a_fragment_attaches_to_a_longer_short_quote() {
        // 1 (2 tokens) lies in 0 (10 tokens, itself short); 2 (10 tokens) is another short
        // quote that 1 also matches less well. 1 joins 0 only.
        let mut weaker = edge(1, 2, Some(1), 1.0);
        weaker.dice = 0.1;
        let edges = [edge(0, 1, Some(1), 1.0), weaker];
        let kinds = |m: &[u32]| match m {
            [1] => (Dependent::Fragment, 2),
            _ => (Dependent::Fragment, 10),
        };
        let roots = clusters(&[None; 3], &ANY_DAY, &edges, kinds);
        assert_eq!(roots, [0, 0, 2]);
        // Of two short quotes of one length, neither is the other's parent.
        let same = |_: &[u32]| (Dependent::Fragment, 2);
        let roots = clusters(&[None; 2], &ANY_DAY, &[edge(0, 1, Some(1), 1.0)], same);
        assert_eq!(roots, [0, 1]);
    }

    #[test]
    fn a_reported_clause_attaches_to_a_short_quote_and_follows_it() {
        // 0 is a full statement, 1 a fragment of it, 2 a clause reporting the fragment.
        let edges = [edge(0, 1, Some(1), 1.0), edge(1, 2, Some(2), 0.6)];
        let kinds = |m: &[u32]| match m {
            [1] => (Dependent::Fragment, 3),
            [2] => (Dependent::Reported, 8),
            _ => (Dependent::No, 20),
        };
        let roots = clusters(&[None; 3], &ANY_DAY, &edges, kinds);
        assert_eq!(roots, [0, 0, 0]);
    }

    const ANY_DAY: Occasions = Occasions {
        days: &[None; 4],
        min_run: 15,
    };

    #[test]
    fn a_cluster_keeps_to_one_occasion() {
        // Articles of days 0, 10 and 20, each quote of the 14 days before its article: 0 and 1
        // can be one occasion, 2 cannot be theirs.
        let days = [Some((-14, 0)), Some((-4, 10)), Some((6, 20))];
        let occasions = Occasions {
            days: &days,
            min_run: 15,
        };
        let edges = [edge(0, 1, None, 1.0), edge(1, 2, None, 1.0)];
        let roots = clusters(&[None; 3], &occasions, &edges, |_| (Dependent::No, 20));
        assert_eq!(roots[0], roots[1]);
        assert_ne!(roots[1], roots[2]);
        // A long verbatim run joins beyond the window.
        let mut long = edge(1, 2, None, 1.0);
        long.run = 20;
        let roots = clusters(&[None; 3], &occasions, &[edges[0], long], |_| {
            (Dependent::No, 20)
        });
        assert_eq!(roots[0], roots[2]);
    }

    #[test]
    fn a_fragment_attaches_to_one_parent_only() {
        // 0 ~ 1 are one statement, 2 another; 3 is a fragment found in both.
        let edges = [
            edge(0, 1, None, 1.0),
            edge(2, 3, Some(3), 1.0),
            edge(0, 3, Some(3), 0.9),
        ];
        let roots = clusters(&[None; 4], &ANY_DAY, &edges, |m| {
            fragments(m.iter().all(|&q| q == 3))
        });
        assert_eq!(roots[0], roots[1]);
        assert_eq!(roots[3], roots[2], "attached to the better parent");
        assert_ne!(
            roots[0], roots[2],
            "the fragment does not bridge the two statements"
        );
    }

    #[test]
    fn an_unnamed_quote_never_bridges_two_named_speakers() {
        // 0 (speaker 7) ~ 1 (unnamed) ~ 2 (speaker 9): 1 joins the stronger side only.
        let mut strong = edge(1, 2, None, 1.0);
        strong.dice = 0.9;
        let edges = [edge(0, 1, None, 1.0), strong];
        let roots = clusters(&[Some(7), None, Some(9)], &ANY_DAY, &edges, |_| {
            (Dependent::No, 20)
        });
        assert_eq!(roots[1], roots[2]);
        assert_ne!(roots[0], roots[2]);
        // A fragment by speaker 7 is not attached to speaker 9's statement.
        let edges = [edge(0, 1, Some(0), 1.0)];
        let roots = clusters(&[Some(7), Some(9)], &ANY_DAY, &edges, |m| {
            fragments(m == [0])
        });
        assert_ne!(roots[0], roots[1]);
        // Two fragments by different speakers of one unnamed statement: only the better
        // match joins it.
        let mut better = edge(0, 2, Some(2), 1.0);
        better.dice = 0.7;
        let edges = [edge(0, 1, Some(1), 1.0), better];
        let roots = clusters(&[None, Some(7), Some(9)], &ANY_DAY, &edges, |m| {
            fragments(m != [0])
        });
        assert_eq!(roots[2], roots[0]);
        assert_ne!(roots[1], roots[0]);
    }
}
