import { signInWithProviderAction } from "@/lib/actions/auth";

type OAuthButtonsProps = { providers: { id: string; name: string }[]; next?: string | undefined };

export function OAuthButtons({ providers, next }: OAuthButtonsProps) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 flex flex-col gap-2 border-t border-slate-200 pt-6">
      {providers.map((provider) => (
        <form key={provider.id} action={signInWithProviderAction}>
          <input type="hidden" name="provider" value={provider.id} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <button
            type="submit"
            className="w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100"
          >
            Continue with {provider.name}
          </button>
        </form>
      ))}
    </div>
  );
}
