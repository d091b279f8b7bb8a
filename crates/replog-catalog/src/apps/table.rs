//! CSV text as rows of trimmed cells, each row numbered as a spreadsheet shows it, and a
//! header to find columns by name.

use std::cell::Cell;

use super::report::{ImportError, ImportErrorKind, ImportReport, Place};

/// One CSV record.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The 1-based row a spreadsheet shows it on: blank lines count, the extra lines of a
    /// quoted cell do not.
    pub(crate) number: u64,
    /// The cells, trimmed.
    pub(crate) cells: Vec<String>,
}

impl Row {
    /// The trimmed cell at `index`; empty when the row is shorter.
    pub(crate) fn get(&self, index: usize) -> &str {
        self.cells.get(index).map_or("", String::as_str)
    }

    /// The trimmed cell in an optional column; empty when the column is absent.
    pub(crate) fn cell(&self, index: Option<usize>) -> &str {
        index.map_or("", |index| self.get(index))
    }

    /// Whether every cell is empty.
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

/// The text without a UTF-8 byte-order mark, or an error if it is not UTF-8.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let line = bytes
            .get(..error.valid_up_to())
            .map_or(0, |valid| valid.iter().filter(|&&b| b == b'\n').count());
        ImportError::at(
            ImportErrorKind::Malformed,
            Place::row(line as u64 + 1),
            "the file is not UTF-8 text; export it again as UTF-8 CSV",
        )
    })
}

/// The separator the first line uses: `;` when it has more semicolons than commas outside
/// quotes (Strong's older and Strong 6 layouts), else `,`.
pub(crate) fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for c in first.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => commas += 1,
            ';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Every record of the text, header included, with spreadsheet row numbers; blank lines
/// are skipped (they still count in the numbering).
pub(crate) fn read_rows(text: &str, delimiter: u8) -> Result<Vec<Row>, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let bytes = text.as_bytes();
    // Line breaks before `counted`, and those of them inside quoted cells: a spreadsheet
    // shows a record on one row however many lines its cells span.
    let (mut counted, mut breaks, mut inner_lines) = (0usize, 0u64, 0u64);
    let mut record = csv::StringRecord::new();
    loop {
        let before = reader.position().byte();
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(error) => {
                let at = error.position().map_or(before, csv::Position::byte);
                let line = line_of(bytes, at, &mut counted, &mut breaks);
                return Err(ImportError::at(
                    ImportErrorKind::Malformed,
                    Place::row(line.saturating_sub(inner_lines).max(1)),
                    format!("the row is not well-formed CSV ({error})"),
                ));
            }
        }
        // csv reports a record as starting where the previous one's terminator ended,
        // which for CRLF is before the `\n`; skip line breaks to find its first cell.
        let mut start = usize::try_from(record.position().map_or(before, csv::Position::byte))
            .unwrap_or(usize::MAX);
        while bytes.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            start += 1;
        }
        let line = line_of(bytes, start as u64, &mut counted, &mut breaks);
        let number = line.saturating_sub(inner_lines).max(1);
        let cells = record.iter().map(|cell| cell.trim().to_owned()).collect();
        inner_lines += record
            .iter()
            .map(|cell| cell.matches('\n').count() as u64)
            .sum::<u64>();
        rows.push(Row { number, cells });
    }
    Ok(rows)
}

/// The 1-based line of byte `at`, counting line breaks from `counted` on (positions only
/// move forward, so the whole text is scanned once).
fn line_of(bytes: &[u8], at: u64, counted: &mut usize, breaks: &mut u64) -> u64 {
    let at = usize::try_from(at).unwrap_or(usize::MAX).min(bytes.len());
    if at > *counted {
        let slice = bytes.get(*counted..at).unwrap_or_default();
        *breaks += slice.iter().filter(|&&b| b == b'\n').count() as u64;
        *counted = at;
    }
    *breaks + 1
}

/// A header row: column names as the file spells them, found by any of several names.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    names: Vec<String>,
    keys: Vec<String>,
    /// Which columns an importer asked for: the others' data is not imported.
    used: Vec<Cell<bool>>,
}

impl Header {
    pub(crate) fn new(row: &Row) -> Self {
        Self {
            names: row.cells.clone(),
            keys: row.cells.iter().map(|name| key(name)).collect(),
            used: row.cells.iter().map(|_| Cell::new(false)).collect(),
        }
    }

    /// The position of the first column whose name is one of `names` (compared ignoring
    /// case, spaces and quotes); the column counts as read.
    pub(crate) fn find(&self, names: &[&str]) -> Option<usize> {
        let found = names.iter().find_map(|name| {
            let wanted = key(name);
            self.keys.iter().position(|k| *k == wanted)
        })?;
        if let Some(used) = self.used.get(found) {
            used.set(true);
        }
        Some(found)
    }

    /// Marks columns as known to the format though not imported (so they draw no warning).
    pub(crate) fn known(&self, names: &[&str]) {
        for name in names {
            let _ = self.find(&[name]);
        }
    }

    /// The names of the columns no importer asked for that hold something in `rows`.
    pub(crate) fn unread(&self, rows: &[Row]) -> Vec<&str> {
        (0..self.names.len())
            .filter(|&i| !self.used.get(i).is_some_and(Cell::get))
            .filter(|&i| rows.iter().any(|row| !row.get(i).is_empty()))
            .map(|i| self.name(i))
            .collect()
    }

    /// Like [`Header::find`], failing with a message naming the first of `names`.
    pub(crate) fn require(&self, names: &[&str], row: u64) -> Result<usize, ImportError> {
        self.find(names).ok_or_else(|| {
            ImportError::at(
                ImportErrorKind::MissingColumn,
                Place::row(row),
                format!(
                    "the header has no {:?} column; it has {}",
                    names.first().copied().unwrap_or(""),
                    self.names.join(", ")
                ),
            )
        })
    }

    /// The column's name as the file spells it.
    pub(crate) fn name(&self, index: usize) -> &str {
        self.names.get(index).map_or("", String::as_str)
    }

    /// How many columns.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether every name in `names` is a column.
    pub(crate) fn has_all(&self, names: &[&str]) -> bool {
        names.iter().all(|name| self.find(&[name]).is_some())
    }
}

/// A header name for comparison: lowercase, without white space or quotes.
pub(crate) fn key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && *c != '"')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Warns, once, about the columns with data that the import did not read.
pub(crate) fn warn_unread(header: &Header, rows: &[Row], report: &mut ImportReport) {
    let unread = header.unread(rows);
    if !unread.is_empty() {
        report.warn(
            Place::row(1),
            format!("columns not imported: {}", unread.join(", ")),
        );
    }
}

/// Fails unless the row has as many cells as the header (extra empty cells allowed).
pub(crate) fn check_width(row: &Row, header: &Header) -> Result<(), ImportError> {
    let extra_filled = row.cells.iter().skip(header.len()).any(|c| !c.is_empty());
    if row.cells.len() < header.len() || extra_filled {
        return Err(ImportError::at(
            ImportErrorKind::Malformed,
            Place::row(row.number),
            format!(
                "the row has {} cells and the header {}; a cell is missing or a separator is \
                 unquoted",
                row.cells.len(),
                header.len()
            ),
        ));
    }
    Ok(())
}
