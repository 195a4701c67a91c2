import { ImageResponse } from "next/og";
import { outlineOf, summarizeRoadmap } from "@/lib/domain/progress-math";
import { loadSharedProgress } from "./load-shared-progress";

export const alt = "A learner's progress on a Waymark roadmap";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

/** The preview card: the learner, the roadmap, a bar per stage. (Satori wants one text child per element.) */
export default async function SharedProgressImage({ params }: { params: Promise<{ token: string }> }) {
  const shared = await loadSharedProgress((await params).token);
  const frame = {
    width: "100%",
    height: "100%",
    display: "flex",
    flexDirection: "column" as const,
    padding: 64,
    background: "#f8fafc",
    color: "#0f172a",
    fontSize: 32,
  };
  if (shared.state !== "shared") {
    return new ImageResponse(
      <div style={{ ...frame, justifyContent: "center" }}>
        <div style={{ fontSize: 64, fontWeight: 700 }}>Waymark</div>
        <div style={{ marginTop: 16, color: "#334155" }}>This progress page is not shared.</div>
      </div>,
      size,
    );
  }
  const { overall, stages } = summarizeRoadmap(outlineOf(shared.roadmap.stages), shared.statuses);
  return new ImageResponse(
    <div style={frame}>
      <div style={{ color: "#4338ca", fontSize: 28, fontWeight: 700 }}>{`WAYMARK · ${shared.roadmap.title}`}</div>
      <div style={{ marginTop: 12, fontSize: 60, fontWeight: 700 }}>{shared.learnerName}</div>
      <div style={{ marginTop: 8, color: "#334155" }}>
        {`${overall.done} of ${overall.total} milestones done · ${overall.percent}%`}
      </div>
      <div style={{ marginTop: 40, display: "flex", flexDirection: "column", gap: 22 }}>
        {shared.roadmap.stages.map((stage) => {
          const counts = stages[stage.id]!;
          return (
            <div key={stage.id} style={{ display: "flex", alignItems: "center", gap: 24 }}>
              <div style={{ width: 260, fontSize: 30 }}>{stage.title}</div>
              <div style={{ display: "flex", flex: 1, height: 26, borderRadius: 13, background: "#e2e8f0" }}>
                <div style={{ width: `${counts.percent}%`, height: 26, borderRadius: 13, background: "#059669" }} />
              </div>
              <div style={{ width: 120, textAlign: "right", fontSize: 28 }}>{`${counts.done}/${counts.total}`}</div>
            </div>
          );
        })}
      </div>
    </div>,
    size,
  );
}
