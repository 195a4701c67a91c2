import Link from "next/link";
import type { MenteeTable as Table } from "@/lib/data/mentee-table";
import { ATTENTION_REASON_LABELS, ATTENTION_STATUS_LABELS, type MenteeAttention } from "@/lib/domain/mentee-attention";
import { type MenteeSort, menteeTableHref, type MenteeTableQuery } from "@/lib/domain/mentee-table-query";
import { PaceBadge } from "./pace-table";
import { ProgressBar } from "./ui/progress-bar";

type MenteeTableProps = { table: Table; query: MenteeTableQuery };

const formatDate = (date: Date) => date.toLocaleDateString("en-US", { dateStyle: "medium", timeZone: "UTC" });

function AttentionCell({ attention }: { attention: MenteeAttention }) {
  const label = ATTENTION_STATUS_LABELS[attention.status];
  if (attention.status !== "needs_attention") return <span className="text-slate-600">{label}</span>;
  return (
    <span className="inline-flex flex-col rounded-md bg-amber-100 px-2 py-1 text-amber-950">
      <strong>{label}</strong>
      {attention.reasons.map((reason) => (
        <span key={reason}>{ATTENTION_REASON_LABELS[reason]}</span>
      ))}
    </span>
  );
}

function SortHeader({ label, sort, query }: { label: string; sort: MenteeSort; query: MenteeTableQuery }) {
  const active = query.sort === sort;
  const nextDirection = active && query.direction === "desc" ? "asc" : "desc";
  return (
    <th
      scope="col"
      aria-sort={active ? (query.direction === "asc" ? "ascending" : "descending") : undefined}
      className="px-3 py-2 font-semibold"
    >
      <Link
        href={menteeTableHref(query, { sort, direction: nextDirection, page: 1 })}
        className="underline-offset-4 hover:underline"
      >
        {label}
        {active ? <span aria-hidden="true">{query.direction === "asc" ? " ▲" : " ▼"}</span> : null}
        <span className="sr-only">, sort {nextDirection === "asc" ? "ascending" : "descending"}</span>
      </Link>
    </th>
  );
}

export function MenteeTable({ table, query }: MenteeTableProps) {
  return (
    <div className="flex flex-col gap-3">
      <form
        method="get"
        action="/mentees"
        className="flex flex-wrap items-end gap-3"
        role="search"
        aria-label="Find mentees"
      >
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="direction" value={query.direction} />
        <div className="flex flex-col gap-1">
          <label htmlFor="mentee-search" className="text-sm font-medium">
            Search by name
          </label>
          <input
            id="mentee-search"
            name="q"
            type="search"
            defaultValue={query.search}
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5"
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="mentee-show" className="text-sm font-medium">
            Show
          </label>
          <select
            id="mentee-show"
            name="show"
            defaultValue={query.attentionOnly ? "attention" : "all"}
            className="rounded-md border border-slate-400 bg-white px-2 py-1.5"
          >
            <option value="all">All mentees</option>
            <option value="attention">Needs attention</option>
          </select>
        </div>
        <button
          type="submit"
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium hover:bg-slate-100"
        >
          Apply
        </button>
      </form>

      {table.rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-slate-700">
          {query.search || query.attentionOnly ? "No mentee matches these filters." : "No mentees on this page."}{" "}
          <Link href="/mentees" className="font-medium text-indigo-700 underline underline-offset-4">
            Show all mentees
          </Link>
        </p>
      ) : (
        <>
          <p className="text-sm text-slate-600 lg:hidden">The table scrolls sideways to show every column.</p>
          {/* relative: the screen-reader-only text inside is laid out within the scrolling box, not past the page's edge. */}
          <div
            role="region"
            aria-label="Mentees table, scrolls sideways"
            tabIndex={0}
            className="relative overflow-x-auto rounded-xl border border-slate-200 bg-white focus-visible:outline-3 focus-visible:outline-indigo-600"
          >
            <table className="w-full min-w-[52rem] text-left text-sm">
              <caption className="sr-only">
                Your mentees, {table.totalRows} in all, page {table.page} of {table.pageCount}
              </caption>
              <thead className="border-b border-slate-200 bg-slate-50">
                <tr>
                  <SortHeader label="Mentee" sort="name" query={query} />
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Roadmap
                  </th>
                  <SortHeader label="Progress" sort="progress" query={query} />
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Current stage
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Done · in progress · skipped
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Pace
                  </th>
                  <SortHeader label="Last activity" sort="activity" query={query} />
                  <SortHeader label="Attention" sort="attention" query={query} />
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr
                    key={`${row.mentorshipId}-${row.roadmapId ?? "none"}`}
                    className="border-b border-slate-100 last:border-0"
                  >
                    <th scope="row" className="px-3 py-2 font-medium">
                      <Link
                        href={`/mentees/${row.mentorshipId}`}
                        className="text-indigo-800 underline underline-offset-4"
                      >
                        {row.learnerName}
                      </Link>
                    </th>
                    <td className="px-3 py-2">
                      {row.roadmapTitle ?? <span className="text-slate-600">Not started</span>}
                    </td>
                    <td className="px-3 py-2">
                      <div className="flex w-36 items-center gap-2">
                        <ProgressBar label={`${row.learnerName} overall progress`} percent={row.percent} size="sm" />
                        <span className="tabular-nums">{row.percent}%</span>
                      </div>
                    </td>
                    <td className="px-3 py-2">{row.currentStage ?? "—"}</td>
                    <td className="px-3 py-2 tabular-nums">
                      {row.done} · {row.inProgress} · {row.skipped}
                    </td>
                    <td className="px-3 py-2">{row.pace ? <PaceBadge status={row.pace} /> : "—"}</td>
                    <td className="px-3 py-2">{row.lastActivityAt ? formatDate(row.lastActivityAt) : "None yet"}</td>
                    <td className="px-3 py-2">
                      <AttentionCell attention={row.attention} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {table.pageCount > 1 ? (
        <nav aria-label="Pages of mentees" className="flex items-center gap-3 text-sm">
          {table.page > 1 ? (
            <Link
              href={menteeTableHref(query, { page: table.page - 1 })}
              className="font-medium text-indigo-700 underline"
            >
              Previous page
            </Link>
          ) : null}
          <span>
            Page {table.page} of {table.pageCount}
          </span>
          {table.page < table.pageCount ? (
            <Link
              href={menteeTableHref(query, { page: table.page + 1 })}
              className="font-medium text-indigo-700 underline"
            >
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
