//! Hostile inputs of any size, shared by the step-count tests and `benches/extract.rs`: the
//! shapes that once cost quadratic time or memory (issue 10). Each makes about `n` bytes.

/// A lower-case word for `i` made of letters only ("a", "b", …, "ba"): distinct names and
/// roles for any number of them.
pub fn letters(mut i: usize) -> String {
    let mut s = String::new();
    loop {
        s.push((b'a' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            return s;
        }
    }
}

/// [`letters`] with a capital.
pub fn capitalised(i: usize) -> String {
    let w = letters(i);
    w[..1].to_uppercase() + &w[1..]
}

/// One sentence of nothing but cues: `he said he said …`.
pub fn he_said(n: usize) -> String {
    "he said ".repeat(n / 8)
}

/// Quotes and cues alternating in one sentence: `“x” he said “x” he said …`.
pub fn quote_he_said(n: usize) -> String {
    "“x” he said ".repeat(n / 14)
}

/// Distinct roles, each named with a person and then mentioned alone.
pub fn distinct_roles(n: usize) -> String {
    (0..n / 90)
        .map(|i| {
            format!(
                "Deputy {} Minister Ana Lopez said it. “No,” said the deputy {} minister. ",
                capitalised(i + 700),
                letters(i + 700)
            )
        })
        .collect()
}

/// Quotes with a quote inside, in one paragraph with no line break.
pub fn nested_one_paragraph(n: usize) -> String {
    "“a ‘b’ c,” he said. ".repeat(n / 24)
}

/// Paragraphs ended by lone carriage returns.
pub fn lone_cr(n: usize) -> String {
    "“We will not stop,” said Mayor Ana Reyes.\r\rThe council agreed.\r".repeat(n / 64)
}

/// Many distinct non-ASCII names in one paragraph.
pub fn non_ascii_names(n: usize) -> String {
    (0..n / 32)
        .map(|i| format!("„Ja“, sagte Jürgen Müller{}. ", capitalised(i)))
        .collect()
}

/// Many tiny paragraphs.
pub fn tiny_paragraphs(n: usize) -> String {
    "“a,” b.\n".repeat(n / 10)
}

/// A transcript of many turns: a few names that repeat, and many that do not.
pub fn transcript(n: usize) -> String {
    let mut out = String::from("The hearing was moderated by host Ana Reyes.\n\n");
    for i in 0..n / 48 {
        out.push_str(&format!(
            "MR. {}: We will vote on it.\n\nQ: Why now?\n\n",
            capitalised(i % 5000)
        ));
    }
    out
}

/// Statements set out after a colon, over and over, with quotes in some of them.
pub fn statement_blocks(n: usize) -> String {
    "Mayor Ana Reyes posted a message:\n\nWe will rebuild the pier.\n\n“Soon,” she said.\n\n"
        .repeat(n / 80)
}
