import type { RoadmapFileProblem } from "@/lib/domain/roadmap-file";

type RoadmapFileProblemsProps = {
  fileName: string;
  problems: RoadmapFileProblem[];
  /** The heading's id, for a form's aria-describedby. */
  id?: string;
};

/** Where to look in a file: "line 12, column 9" when the text could be mapped. */
function placeOf(problem: RoadmapFileProblem): string | null {
  if (problem.line === undefined) return null;
  return problem.column === undefined ? `line ${problem.line}` : `line ${problem.line}, column ${problem.column}`;
}

/**
 * Why a roadmap file was refused: every problem with its field and its place in the file, so
 * the author can fix them all in one go. Nothing was created.
 */
export function RoadmapFileProblems({ fileName, problems, id }: RoadmapFileProblemsProps) {
  const count = problems.length;
  return (
    <section
      role="alert"
      aria-labelledby={id ?? "roadmap-file-problems"}
      className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-900"
    >
      <h2 id={id ?? "roadmap-file-problems"} className="font-semibold">
        {fileName} has {count === 1 ? "a problem" : `${count} problems`}; nothing was created
      </h2>
      <ol className="mt-2 flex list-decimal flex-col gap-1 pl-5 text-sm">
        {problems.map((problem, index) => {
          const place = placeOf(problem);
          return (
            <li key={index} className="break-words">
              {problem.path ? <code className="rounded bg-red-100 px-1 font-mono">{problem.path}</code> : null}
              {place ? <span className="text-red-800"> ({place})</span> : null}
              {problem.path || place ? ": " : null}
              {problem.message}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
