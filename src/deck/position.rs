//! Byte offsets to the 1-based line and column that editors understand.

/// Start offsets of every line of a text, for turning many offsets into positions cheaply.
pub struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    #[must_use]
    pub fn new(text: &'t str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, starts }
    }

    /// Line and column (in characters) of `offset`. Offsets past the end or inside a
    /// multi-byte character are clamped, so any offset is safe.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        // `starts[0] == 0`, so the partition point is at least 1.
        let line = self.starts.partition_point(|&start| start <= offset);
        let column = self.text[self.starts[line - 1]..offset].chars().count() + 1;
        (line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn counts_lines_and_characters() {
        let index = LineIndex::new("ab\ncdé\nf");
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(3), (2, 1));
        // `é` is two bytes; the `\n` after it is character 4 of line 2.
        assert_eq!(index.line_col(7), (2, 4));
        assert_eq!(index.line_col(8), (3, 1));
    }

    #[test]
    fn clamps_out_of_range_and_mid_character_offsets() {
        assert_eq!(LineIndex::new("é").line_col(1), (1, 1));
        assert_eq!(LineIndex::new("ab").line_col(99), (1, 3));
        assert_eq!(LineIndex::new("").line_col(0), (1, 1));
    }
}
