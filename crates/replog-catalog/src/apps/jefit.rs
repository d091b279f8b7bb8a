//! JEFIT's sectioned export: a `### WORKOUT SESSIONS ###` table (`_id,mydate,starttime,
//! starttimie,total_time`) and an `### EXERCISE LOGS ###` table (`belongsession,ename,logs`)
//! whose `logs` cell lists the sets as `WEIGHTxREPS,WEIGHTxREPS,...`.

use foldhash::{HashMap, HashMapExt};
use jiff::civil::{DateTime, Time};
use replog_core::{Logbook, SetKind};

use super::ImportOptions;
use super::build::{Amount, Builder, Columns, SetRow};
use super::report::{ImportError, ImportErrorKind, ImportReport, Place};
use super::table::{Header, Row};
use super::values::{self, DateReader, Duration, REPS_MAX};

/// A session as the sessions table gives it.
#[derive(Debug, Clone, Copy)]
struct Session {
    at: DateTime,
    duration_seconds: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    None,
    Sessions,
    Logs,
}

pub(super) fn import(
    rows: &[Row],
    options: &ImportOptions<'_>,
) -> Result<(Logbook, ImportReport), ImportError> {
    let mut builder = Builder::new(options.catalog);
    let mut sessions: HashMap<String, (u64, Session)> = HashMap::new();
    let mut section = Section::None;
    // The current section's header, once read.
    let mut header: Option<Header> = None;
    let mut columns = (0, 0, 0);
    for row in rows {
        let n = row.number;
        let first = row.get(0);
        if first.starts_with("###") {
            section = if first.contains("WORKOUT SESSIONS") {
                Section::Sessions
            } else if first.contains("EXERCISE LOGS") {
                Section::Logs
            } else {
                Section::None
            };
            header = None;
            continue;
        }
        if row.is_blank() || section == Section::None {
            continue;
        }
        let Some(head) = &header else {
            let head = Header::new(row);
            columns = match section {
                Section::Sessions => (
                    head.require(&["_id"], n)?,
                    head.require(&["mydate"], n)?,
                    head.find(&["total_time"]).unwrap_or(usize::MAX),
                ),
                _ => (
                    head.require(&["belongsession"], n)?,
                    head.require(&["ename"], n)?,
                    head.require(&["logs"], n)?,
                ),
            };
            header = Some(head);
            continue;
        };
        builder.report.rows += 1;
        if section == Section::Sessions {
            let (id, date, total) = columns;
            let id_text = row.get(id);
            let day = DateReader::without_slashes()
                .read(row.get(date), n, head.name(date))?
                .date();
            let duration_seconds = match values::duration(row.get(total)) {
                Duration::Seconds(s) => Some(s),
                Duration::Unknown => None,
                Duration::Unreadable => {
                    return Err(ImportError::bad_value(
                        n,
                        head.name(total),
                        format!("{:?} is not a number of seconds", row.get(total)),
                    ));
                }
            };
            let session = Session {
                at: day.to_datetime(Time::midnight()),
                duration_seconds,
            };
            if let Some((earlier, _)) = sessions.insert(id_text.to_owned(), (n, session)) {
                return Err(ImportError::bad_value(
                    n,
                    head.name(id),
                    format!(
                        "session {id_text:?} is also on row {earlier}; which one its logs belong \
                         to cannot be told"
                    ),
                ));
            }
            continue;
        }
        let (belongs, name_column, logs) = columns;
        let id_text = row.get(belongs);
        let Some(&(_, session)) = sessions.get(id_text) else {
            return Err(ImportError::bad_value(
                n,
                head.name(belongs),
                format!("session {id_text:?} is not in the WORKOUT SESSIONS table"),
            ));
        };
        let name = row.get(name_column);
        if name.is_empty() {
            return Err(ImportError::bad_value(
                n,
                head.name(name_column),
                "the exercise name is empty",
            ));
        }
        let logs_name = head.name(logs);
        let text = row.get(logs);
        if text.is_empty() {
            builder.report.warn(
                Place::cell(n, logs_name),
                format!("no sets are logged for {name:?}"),
            );
            continue;
        }
        let workout =
            builder.workout(n, (session.at, id_text), "", session.duration_seconds, "")?;
        for (position, item) in text.split(',').enumerate() {
            let item = item.trim();
            let bad = || {
                ImportError::bad_value(
                    n,
                    logs_name,
                    format!("set {} ({item:?}) is not WEIGHTxREPS", position + 1),
                )
            };
            let (weight_text, reps_text) = item.split_once(['x', 'X']).ok_or_else(bad)?;
            if reps_text.contains(['x', 'X']) {
                return Err(bad());
            }
            let weight =
                values::number(weight_text.trim(), false, n, logs_name).map_err(|_| bad())?;
            let reps = values::count(reps_text.trim(), false, REPS_MAX, n, logs_name)
                .map_err(|_| bad())?;
            if reps.is_none() || weight.is_none() {
                return Err(bad());
            }
            if options.unit.is_none() && weight.is_some_and(|w| w != 0.0) {
                return Err(ImportError::at(
                    ImportErrorKind::UnitUnknown,
                    Place::cell(n, logs_name),
                    "the JEFIT export does not say whether weights are kg or lb; give the unit \
                     (ImportOptions::unit) the app was set to",
                ));
            }
            let weight = values::checked_load(weight, n, logs_name)?;
            let set = SetRow {
                exercise: name.to_owned(),
                amount: Amount {
                    reps,
                    seconds: None,
                    metres: None,
                },
                weight,
                rpe: None,
                kind: SetKind::Working,
                notes: None,
            };
            let columns = Columns {
                reps: logs_name,
                seconds: logs_name,
                distance: logs_name,
            };
            builder.push(n, workout, set, &columns)?;
        }
    }
    // JEFIT's export does not say its unit: the logbook's is the one given.
    builder.finish(&options.athlete, options.unit)
}
