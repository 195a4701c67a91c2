"use client";

import { ErrorPanel } from "@/components/ui/error-panel";

export default function CatalogueError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorPanel {...props} title="The roadmaps couldn't be loaded" />;
}
