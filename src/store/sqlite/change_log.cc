#include "store/sqlite/change_log.h"

#include <algorithm>

namespace passend::store::sqlite {
namespace {

Result<int64_t> PrunedThrough(Connection& c) {
  PASSEND_ASSIGN_OR_RETURN(Statement st, c.Prepare("SELECT through FROM change_log_pruned"));
  PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : int64_t{0};
}

// The oldest and newest seq in the log; nullopt when it is empty. (Two subqueries: SQLite
// answers a lone min() or max() from the b-tree's edge, but both in one select scan.)
Result<std::optional<std::pair<int64_t, int64_t>>> Range(Connection& c) {
  PASSEND_ASSIGN_OR_RETURN(
      Statement st,
      c.Prepare("SELECT (SELECT min(seq) FROM change_log), (SELECT max(seq) FROM change_log)"));
  PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row || st.IsNull(0)) return std::optional<std::pair<int64_t, int64_t>>();
  return std::optional(std::pair(st.Int(0), st.Int(1)));
}

}  // namespace

Result<int64_t> LastChangeOn(Connection& c) {
  // max(seq) of a rowid table is one step down the b-tree; after pruning everything
  // (never done: the newest row is kept) it would fall back to the pruned mark.
  PASSEND_ASSIGN_OR_RETURN(Statement st,
                           c.Prepare("SELECT COALESCE((SELECT max(seq) FROM change_log), "
                                     "(SELECT through FROM change_log_pruned), 0)"));
  PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? st.Int(0) : int64_t{0};
}

Result<ChangePage> ChangesSinceOn(Connection& c, int64_t after, int limit) {
  limit = std::clamp(limit, 1, 10'000);
  ChangePage page;
  {
    PASSEND_ASSIGN_OR_RETURN(
        Statement st,
        c.Prepare("SELECT seq, entity, entity_id FROM change_log WHERE seq > ? ORDER BY seq "
                  "LIMIT ?"));
    st.Bind(1, after).Bind(2, limit);
    while (true) {
      PASSEND_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      auto entity = ParseChangedEntity(st.Text(1));
      if (!entity) return Internal("Onbekende soort wijziging in database: " + st.Text(1));
      page.changes.push_back({st.Int(0), *entity, st.Text(2)});
    }
  }
  // Read the pruned mark after the rows: a prune that commits in between can only make
  // the answer say `gap` when it need not, never hide one.
  PASSEND_ASSIGN_OR_RETURN(int64_t pruned, PrunedThrough(c));
  page.gap = after < pruned;
  return page;
}

Status PruneChangesOn(Connection& c, int64_t keep) {
  if (keep < 1) return InvalidArgument("Bewaar minstens één wijziging", "keep");
  PASSEND_ASSIGN_OR_RETURN(auto range, Range(c));
  if (!range || range->second - range->first + 1 <= keep) return Ok();
  const int64_t through = range->second - keep;
  PASSEND_ASSIGN_OR_RETURN(Statement del, c.Prepare("DELETE FROM change_log WHERE seq <= ?"));
  PASSEND_RETURN_IF_ERROR(del.Bind(1, through).Run());
  PASSEND_ASSIGN_OR_RETURN(Statement mark,
                           c.Prepare("UPDATE change_log_pruned SET through = max(through, ?)"));
  return mark.Bind(1, through).Run();
}

Status PruneChangesIfLong(Connection& c) {
  PASSEND_ASSIGN_OR_RETURN(auto range, Range(c));
  if (!range || range->second - range->first + 1 <= 2 * kChangeLogKeep) return Ok();
  return PruneChangesOn(c, kChangeLogKeep);
}

Status RestartChangesOn(Connection& c) {
  PASSEND_ASSIGN_OR_RETURN(auto range, Range(c));
  if (!range) return Ok();  // nothing was logged: the head is where it was
  PASSEND_ASSIGN_OR_RETURN(Statement del, c.Prepare("DELETE FROM change_log WHERE seq < ?"));
  PASSEND_RETURN_IF_ERROR(del.Bind(1, range->second).Run());
  PASSEND_ASSIGN_OR_RETURN(Statement mark,
                           c.Prepare("UPDATE change_log_pruned SET through = max(through, ?)"));
  return mark.Bind(1, range->second).Run();
}

}  // namespace passend::store::sqlite
