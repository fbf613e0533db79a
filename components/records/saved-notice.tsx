/** A short confirmation after a save, announced politely. */
export function SavedNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p role="status" data-testid="saved-notice" className="mb-4 rounded-md border border-success/40 bg-success/10 px-4 py-2 text-sm text-success-foreground">
      {text}
    </p>
  );
}
