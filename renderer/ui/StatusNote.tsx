/**
 * The line under an action that says how it went: read out when it changes (a status), or at
 * once and in red when it failed (an alert). One component for every backup, restore and export.
 */
export type Note = { text: string; error: boolean };

export const StatusNote = ({ note }: { note: Note | undefined }) =>
  note ? (
    <p role={note.error ? 'alert' : 'status'} className={note.error ? 'error' : undefined}>
      {note.text}
    </p>
  ) : null;
