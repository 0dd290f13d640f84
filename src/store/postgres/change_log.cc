#include "store/postgres/change_log.h"

#include <algorithm>

namespace passend::store::postgres {
namespace {

// Removes the entries up to `through` and remembers that they are gone.
Status PruneThrough(Connection& c, int64_t through) {
  PASSEND_ASSIGN_OR_RETURN(Rows del,
                           c.Query("DELETE FROM change_log WHERE seq <= $1", {P(through)}));
  (void)del;
  PASSEND_ASSIGN_OR_RETURN(
      Rows mark,
      c.Query("UPDATE change_log_pruned SET through = GREATEST(through, $1)", {P(through)}));
  (void)mark;
  return Ok();
}

}  // namespace

Result<int64_t> LastChangeOn(Connection& c) {
  // max(seq) is one step down the primary key; with the log empty (only after a copy,
  // RestartChangesOn) the head is the pruned mark.
  PASSEND_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT COALESCE((SELECT max(seq) FROM change_log), "
                                              "(SELECT max(through) FROM change_log_pruned), 0)"));
  return rows.empty() ? int64_t{0} : rows[0].Int(0);
}

Result<ChangePage> ChangesSinceOn(Connection& c, int64_t after, int limit) {
  limit = std::clamp(limit, 1, 10'000);
  ChangePage page;
  PASSEND_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query("SELECT seq, entity, entity_id FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2",
              {P(after), P(limit)}));
  for (Rows::Row r : rows) {
    auto entity = ParseChangedEntity(r.View(1));
    if (!entity) return Internal("Onbekende soort wijziging in database: " + r.Text(1));
    page.changes.push_back({r.Int(0), *entity, r.Text(2)});
  }
  // Read the pruned mark after the rows (a statement of its own, so a newer snapshot): a
  // prune that commits in between can only make the answer say `gap` when it need not,
  // never hide one.
  PASSEND_ASSIGN_OR_RETURN(Rows pruned, c.Query("SELECT max(through) FROM change_log_pruned"));
  page.gap = !pruned.empty() && !pruned[0].IsNull(0) && after < pruned[0].Int(0);
  return page;
}

Status PruneChangesOn(Connection& c, int64_t keep) {
  if (keep < 1) return InvalidArgument("Bewaar minstens één wijziging", "keep");
  // The oldest entry kept: the keep-th from the newest (seqs may have holes where a
  // writer rolled back, so counting back from max(seq) could keep fewer).
  PASSEND_ASSIGN_OR_RETURN(
      Rows oldest,
      c.Query("SELECT seq FROM change_log ORDER BY seq DESC OFFSET $1 LIMIT 1", {P(keep - 1)}));
  if (oldest.empty()) return Ok();  // no more than `keep` entries
  const int64_t through = oldest[0].Int(0) - 1;
  return PruneThrough(c, through);
}

Status PruneChangesIfLong(Connection& c) {
  // By seq, as SQLite does: everything more than kChangeLogKeep seqs behind the head goes,
  // so a reader less than that far behind never gets a gap. (Holes left by rolled-back
  // writers make that a little fewer than kChangeLogKeep entries; counting them exactly
  // would scan the index at every write.)
  PASSEND_ASSIGN_OR_RETURN(Rows range, c.Query("SELECT (SELECT min(seq) FROM change_log), "
                                               "(SELECT max(seq) FROM change_log)"));
  if (range.empty() || range[0].IsNull(0)) return Ok();
  const int64_t newest = range[0].Int(1);
  if (newest - range[0].Int(0) + 1 <= 2 * kChangeLogKeep) return Ok();
  const int64_t through = newest - kChangeLogKeep;
  return PruneThrough(c, through);
}

Status RestartChangesOn(Connection& c) {
  PASSEND_ASSIGN_OR_RETURN(Rows del, c.Query("DELETE FROM change_log"));
  (void)del;
  // A value of the log's own sequence, so the next change gets a higher seq.
  PASSEND_ASSIGN_OR_RETURN(
      Rows mark,
      c.Query("UPDATE change_log_pruned SET through = "
              "GREATEST(through, nextval(pg_get_serial_sequence('change_log', 'seq')))"));
  (void)mark;
  return Ok();
}

}  // namespace passend::store::postgres
