/** A usage or input error: printed without a stack trace, exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    /** Print the help of the command the error is about after the message. */
    readonly showUsage = true,
    /** That help, when it is not the command's own (e.g. the group's, for an unknown subcommand). */
    readonly usage?: string,
  ) {
    super(message);
  }
}
