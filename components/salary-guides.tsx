import type { SalaryGuide } from "@/db/content/content-schema";

function formatAmount(amount: number, currency: SalaryGuide["currency"]): string {
  return new Intl.NumberFormat(currency === "INR" ? "en-IN" : "en-US", {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
  }).format(amount);
}

function formatBand(min: number, max: number | null, currency: SalaryGuide["currency"]): string {
  if (max === null) return `${formatAmount(min, currency)} or more`;
  if (max === min) return formatAmount(min, currency);
  return `${formatAmount(min, currency)} – ${formatAmount(max, currency)}`;
}

export function SalaryGuides({ guides, caveat }: { guides: SalaryGuide[]; caveat: string }) {
  return (
    <section aria-labelledby="salary-heading" className="rounded-xl border border-slate-200 bg-white p-4 sm:p-5">
      <h2 id="salary-heading" className="text-lg font-semibold">
        Career levels and salary estimates
      </h2>
      <p className="mt-1 text-sm text-slate-700">{caveat}</p>
      <div className="mt-4 flex flex-col gap-5">
        {guides.map((guide) => (
          <table key={`${guide.region}-${guide.source}`} className="w-full text-left text-sm">
            <caption className="mb-1 text-left font-semibold">
              {guide.region}{" "}
              <span className="font-normal text-slate-600">
                ({guide.currency}, per year · {guide.source})
              </span>
            </caption>
            <thead>
              <tr className="border-b border-slate-200 text-slate-700">
                <th scope="col" className="py-1 pr-2 font-medium">
                  Level
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Experience
                </th>
                <th scope="col" className="py-1 text-right font-medium">
                  Estimate
                </th>
              </tr>
            </thead>
            <tbody>
              {guide.bands.map((band) => (
                <tr key={band.level} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {band.level}
                  </th>
                  <td className="py-1 pr-2 text-slate-700">{band.experience}</td>
                  <td className="py-1 text-right tabular-nums">{formatBand(band.min, band.max, guide.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
    </section>
  );
}
