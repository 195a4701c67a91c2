import Link from "next/link";

export default function NotFound() {
  return (
    <main className="rounded-xl border border-slate-200 bg-white p-6">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">
        There is nothing at this address. It may have moved, or the link may be mistyped.
      </p>
      <Link href="/" className="mt-4 inline-block font-medium text-indigo-700 underline underline-offset-4">
        Go to the home page
      </Link>
    </main>
  );
}
