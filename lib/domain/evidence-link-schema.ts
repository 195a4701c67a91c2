import { z } from "zod";
import { titleProblem, urlProblem, withWebScheme } from "./evidence-rules";

const checked = (problem: (value: string) => string | null, normalise: (value: string) => string = (value) => value) =>
  z
    .string()
    .trim()
    .transform(normalise)
    .superRefine((value, context) => {
      const message = problem(value);
      if (message) context.addIssue({ code: "custom", message });
    });

/** The server's check of an evidence link: the same rules the form applies in the browser. */
export const evidenceLinkSchema = z.object({ title: checked(titleProblem), url: checked(urlProblem, withWebScheme) });
