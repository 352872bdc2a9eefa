use saywho::{Article, Extractor, Roster, SpeakerKind};

use crate::support::{extract_folder, project_path, read_article, snapshot_settings};

fn roster_of(texts: &[(&str, &str, &str)]) -> Roster {
    let extractor = Extractor::new();
    let extractions: Vec<_> = texts
        .iter()
        .map(|(id, outlet, text)| extractor.extract(&Article::new(*id, *text).with_outlet(*outlet)))
        .collect();
    Roster::build(&extractions)
}

/// The people of a roster, with their number of quotes, in the roster's order.
fn people_of(roster: &Roster) -> Vec<(&str, usize)> {
    roster
        .entries()
        .iter()
        .filter(|e| e.kind == SpeakerKind::Person)
        .map(|e| (e.id.as_str(), e.quotes))
        .collect()
}

#[test]
fn surname_merges_into_the_one_full_name() {
    let roster = roster_of(&[
        (
            "a",
            "Ledger",
            "Trade Minister Ines Duarte said: “We will sign.”",
        ),
        ("b", "Courier", "“We will sign,” Duarte said."),
    ]);
    let e = &roster.entries()[0];
    assert_eq!((e.id.as_str(), e.quotes), ("ines-duarte", 2));
    assert_eq!(e.aliases, ["duarte"]);
    assert_eq!(e.outlets, ["Courier", "Ledger"]);
}

#[test]
fn nicknames_initials_and_datelines_give_one_person() {
    let roster = roster_of(&[
        (
            "a",
            "Wire",
            "DUNMORE, Ore. (AP) — Harbor Master Ignatius “Iggy” Pellham said the channel was \
             clear.\n\n“We are open,” Pellham said.",
        ),
        ("b", "Ledger", "“Open for business,” said Iggy Pellham."),
        (
            "c",
            "Courier",
            "DUNMORE — Ignatius Q. Pellham said: “Ships are moving.”",
        ),
    ]);
    let people = people_of(&roster);
    assert_eq!(people, [("ignatius-pellham", 4)]);
    let e = &roster.entries()[0];
    assert_eq!(e.aliases, ["iggy-pellham", "ignatius-q-pellham"]);
    // The dateline is no one, and no part of what was said.
    assert!(roster.entries().iter().all(|e| !e.id.contains("dunmore")));
}

#[test]
fn a_bare_surname_is_the_namesake_spoken_of_last() {
    // "Ortiz" after Elijah Ortiz spoke is Elijah; "Ms. Ortiz" is Ann by the honorific, and
    // the bare "Ortiz" after her is Ann again.
    let text = "Sen. Ann Ortiz said her bill was ready. Rep. Elijah Ortiz, her cousin, said he \
                had his own.\n\n“It is time,” Ortiz said.\n\n“Not yet,” Ms. Ortiz said. \
                “Not this year,” Ortiz added.";
    let e = Extractor::new().extract(&Article::new("a", text));
    let ids: Vec<Option<&str>> = e
        .quotes
        .iter()
        .map(|q| q.speaker.as_ref().and_then(|s| s.id.as_deref()))
        .collect();
    assert_eq!(
        ids,
        [
            Some("ann-ortiz"),
            Some("elijah-ortiz"),
            Some("elijah-ortiz"),
            Some("ann-ortiz"),
            Some("ann-ortiz")
        ]
    );
}

#[test]
fn people_sharing_a_surname_stay_apart() {
    let roster = roster_of(&[
        ("a", "Ledger", "Coach Maria Lee said: “We will win.”"),
        ("b", "Courier", "Senator Daniel Lee said: “We will vote.”"),
        ("c", "Wire", "“We will see,” Lee said."),
    ]);
    let ids: Vec<&str> = roster.entries().iter().map(|e| e.id.as_str()).collect();
    assert!(
        ids.contains(&"maria-lee") && ids.contains(&"daniel-lee"),
        "{ids:?}"
    );
    // The bare "Lee" could be either: it is not merged.
    assert!(ids.contains(&"lee"), "{ids:?}");
}

#[test]
fn anonymous_sources_never_merge_across_articles() {
    let roster = roster_of(&[
        ("a", "Ledger", "“It is over,” a senior official said."),
        ("b", "Courier", "“It is over,” a senior official said."),
    ]);
    let anonymous: Vec<_> = roster
        .entries()
        .iter()
        .filter(|e| e.kind == SpeakerKind::Anonymous)
        .collect();
    assert_eq!(anonymous.len(), 2);
}

#[test]
fn the_same_speaker_across_the_trade_talks_outlets() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let extractor = Extractor::new();
    let extractions: Vec<_> = [
        "04_meridian_trade_talks",
        "05_continental_trade_talks",
        "06_baltic_trade_talks",
    ]
    .iter()
    .map(|f| {
        extractor.extract(&read_article(std::path::Path::new(&format!(
            "{dir}/{f}.txt"
        ))))
    })
    .collect();
    let roster = Roster::build(&extractions);
    let okafor = roster
        .entries()
        .iter()
        .find(|e| e.id == "helen-okafor")
        .expect("Okafor");
    assert_eq!(okafor.outlets.len(), 3);
    let roles: Vec<&str> = okafor.roles.iter().map(|r| r.role.as_str()).collect();
    assert!(
        roles.contains(&"Commerce Secretary") && roles.contains(&"US Commerce Secretary"),
        "{roles:?}"
    );
}

#[test]
fn roster_of_the_examples_is_locked() {
    let extractions = extract_folder(&project_path("examples/articles"));
    let roster = Roster::build(&extractions);
    snapshot_settings().bind(|| insta::assert_yaml_snapshot!("roster_examples", roster.entries()));
}

#[test]
fn wire_copy_party_tags_and_abbreviated_titles() {
    let text = "WASHINGTON (AP) — Sen. Ann Ortiz, R-Kan., said she would ask for a hearing.\n\n\
                “We need answers,” said Rep. Elijah Ortiz, D-N.Y., on Tuesday.\n\n\
                Lawmakers said they expected a vote in June.";
    let e = Extractor::new().extract(&Article::new("w", text));
    type Row<'a> = (
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        SpeakerKind,
    );
    let got: Vec<Row> = e
        .quotes
        .iter()
        .map(|q| {
            let s = q.speaker.as_ref().expect("a speaker");
            (
                s.name.as_deref(),
                s.role.as_deref(),
                s.affiliation.as_deref(),
                s.kind,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("Ann Ortiz"),
                Some("Senator"),
                Some("R-Kan."),
                SpeakerKind::Person
            ),
            (
                Some("Elijah Ortiz"),
                Some("Representative"),
                Some("D-N.Y."),
                SpeakerKind::Person
            ),
            (None, Some("Lawmakers"), None, SpeakerKind::Group),
        ]
    );
    // Neither the dateline nor the tag is in a quote.
    assert!(e
        .quotes
        .iter()
        .all(|q| !q.text.contains("WASHINGTON") && !q.text.contains("R-Kan")));
}

#[test]
fn couples_postnominals_and_places_after_a_name() {
    let text = "Among the guests were Ines and Tomas Varga. “We came early,” Mr. Varga said.\n\n\
                “He always does,” Mrs. Varga said.\n\n\
                Moira Keane MP said the plan was late. His sister, Ada Roe of Millbrook Falls, \
                Vermont, said she was relieved.";
    let e = Extractor::new().extract(&Article::new("c", text));
    let names: Vec<Option<&str>> = e
        .quotes
        .iter()
        .map(|q| q.speaker.as_ref().and_then(|s| s.name.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            Some("Tomas Varga"),
            Some("Ines Varga"),
            Some("Moira Keane"),
            Some("Ada Roe")
        ]
    );
    assert_eq!(
        e.quotes[2].speaker.as_ref().and_then(|s| s.role.as_deref()),
        Some("MP")
    );
}

#[test]
fn short_forms_family_names_and_pronouns_give_one_person() {
    let roster = roster_of(&[
        (
            "a",
            "Ledger",
            "Theodora Wexler, a former data manager, said the numbers had been changed.\n\n\
             “I saw it happen,” Ms. Wexler said.",
        ),
        (
            "b",
            "Courier",
            "Teddy Wexler checked trial data for six years. She says the figures stopped \
             matching in January.\n\n“Nobody listened,” she said.",
        ),
        (
            "c",
            "Wire",
            "“We are ruined,” said pipefitter Stan Kowalczyk.\n\nHis wife Teresa, who leads the \
             union, said the members would fight. “They lied to us,” she said.",
        ),
    ]);
    let people = people_of(&roster);
    assert_eq!(
        people,
        [
            ("theodora-wexler", 4),
            ("teresa-kowalczyk", 2),
            ("stan-kowalczyk", 1)
        ]
    );
}

#[test]
fn an_office_named_for_a_county_leaves_its_holder_a_person() {
    let roster = roster_of(&[(
        "a",
        "Wire",
        "Sen. Ruth Calloway said the state needed new scanners.\n\nRenee Duchamp, the county \
         clerk, said the last bins would be opened Monday. “We are tired,” she said.",
    )]);
    let duchamp = roster
        .entries()
        .iter()
        .find(|e| e.id == "renee-duchamp")
        .expect("Renee Duchamp");
    assert_eq!((duchamp.kind, duchamp.quotes), (SpeakerKind::Person, 2));
}

#[test]
fn honorifics_first_person_cues_and_two_letter_short_forms() {
    let roster = roster_of(&[
        (
            "a",
            "Gazette",
            "‘People think I want to sell,’ Mr Hollis says. ‘Ruth asked me, “Why not sell \
             it?” I told her, “Because then somebody else ruins it.”’ Ruth Hollis, his wife, \
             sits on the board.",
        ),
        (
            "b",
            "Post",
            "Jo Pennick, a midwife, said the unit was full. “It was three in the morning,” \
             she said.",
        ),
        (
            "c",
            "Wire",
            "Joanne Pennick said she would keep campaigning. “I got lucky,” Ms. Pennick said.",
        ),
    ]);
    // "Mr Hollis" is not the article's one Hollis named in full (Ruth); what he says inside
    // his quote after "I told her" is his, and Ruth's question is hers.
    assert_eq!(
        people_of(&roster),
        [("joanne-pennick", 4), ("hollis", 3), ("ruth-hollis", 1)]
    );
}
