//! The calendar tab at 80×24, 160×48 and 40×12, on the fixture's day, Fri 27 Nov 2026.
//!
//! Worked by hand: the calendar's 365 days start on Fri 28 Nov 2025, so week 0 is the week of
//! Mon 24 Nov 2025 and there are 53 weeks. Week 1 starts Mon 1 Dec 2025; 1 Jan 2026 (Thu) is
//! in week 5 (Mon 29 Dec), 1 Feb 2026 (Sun) in week 9 (Mon 26 Jan), 1 May 2026 (Fri) in week
//! 22 (Mon 27 Apr) and 1 Nov 2026 (Sun) in week 48 (Mon 26 Oct). Today is the Friday of
//! week 52, the last.

use super::*;

/// The calendar tab's lines and the column of its first week: four past "Mon".
fn calendar(width: u16, height: u16) -> (Vec<Vec<char>>, usize) {
    let screen = statistics(width, height, crate::app::StatsTab::Calendar);
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let monday = lines
        .iter()
        .find_map(|l| (0..l.len().saturating_sub(3)).find(|&i| l[i..i + 4] == ['M', 'o', 'n', ' ']))
        .unwrap_or_else(|| panic!("no Mon row:\n{screen}"));
    (lines, monday + 4)
}

/// The row of the weekday named `name`, or the month names above Monday for "".
fn row<'a>(lines: &'a [Vec<char>], name: &str) -> &'a [char] {
    let at = lines
        .iter()
        .position(|l| l.iter().collect::<String>().starts_with(" Mon "))
        .unwrap();
    match name {
        "" => &lines[at - 1],
        "Fri" => &lines[at + 4],
        _ => &lines[at],
    }
}

fn word_at(line: &[char], column: usize) -> String {
    line[column..].iter().take(3).collect()
}

/// The month names in `line`, each with its column.
fn months(line: &[char]) -> Vec<(usize, String)> {
    let text: String = line.iter().collect();
    let mut found = Vec::new();
    let mut column = 0;
    for word in text.split(' ') {
        if !word.is_empty() {
            found.push((column, word.to_owned()));
        }
        column += word.chars().count() + 1;
    }
    found
}

#[test]
fn at_80x24_a_year_of_weeks_one_column_each_under_their_months() {
    let (lines, first) = calendar(80, 24);
    let header = row(&lines, "");
    assert_eq!(word_at(header, first + 1), "Dec");
    assert_eq!(word_at(header, first + 5), "Jan");
    assert_eq!(word_at(header, first + 9), "Feb");
    assert_eq!(word_at(header, first + 48), "Nov");
    // 53 weeks, today's full shade in the last.
    let friday = row(&lines, "Fri");
    assert_eq!(friday[first + 52], '█');
    assert!(friday[first + 53..].iter().all(|&c| c == ' '));
    let text: String = lines.iter().flatten().collect();
    assert!(text.contains("28 Nov 2025 to 27 Nov 2026"));
    assert!(text.contains("Busiest day: 27 Nov 2026, 2 answers."));
    assert!(text.contains("Study days in a row: 1 now, 1 at most."));
}

#[test]
fn at_160x48_each_week_takes_two_columns() {
    let (lines, first) = calendar(160, 48);
    let header = row(&lines, "");
    assert_eq!(word_at(header, first + 2), "Dec");
    assert_eq!(word_at(header, first + 10), "Jan");
    assert_eq!(word_at(header, first + 18), "Feb");
    assert_eq!(word_at(header, first + 96), "Nov");
    // 158 columns inside the margins hold 4 + 2 × 53 = 110 but not 4 + 3 × 53 = 163.
    let friday = row(&lines, "Fri");
    assert_eq!(friday[first + 104], '█');
    assert_eq!(friday[first + 102], '·');
    assert!(friday[first + 105..].iter().all(|&c| c == ' '));
}

#[test]
fn at_40x12_the_newest_weeks_that_fit() {
    let (lines, first) = calendar(40, 12);
    // 38 columns inside the margins, 34 after the weekday names: weeks 19 to 52.
    let header = row(&lines, "");
    // The last column is the scrollbar's: the calendar is taller than the tab here.
    assert_eq!(
        months(&header[first..header.len() - 1]),
        [
            (3, "May"),
            (8, "Jun"),
            (12, "Jul"),
            (16, "Aug"),
            (21, "Sep"),
            (25, "Oct"),
            (29, "Nov")
        ]
        .map(|(c, m)| (c, m.to_owned()))
    );
    let monday = row(&lines, "Mon");
    assert_eq!(monday.len() - first, 35, "34 weeks and the right margin");
    assert!(monday[first..first + 34].iter().all(|&c| c == '·'));
}
