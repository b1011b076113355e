/** The frame the publishing dialogs share: fields in a column, an intro line above them. */
export const PUBLISHING_DIALOG_STYLES = `
  .dialog {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    max-width: 32rem;
  }
  .dialog__intro {
    margin: 0 0 0.5rem;
  }
`;
