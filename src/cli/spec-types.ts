/** An action's contract as the CLI needs it (generated from action.yml into action-specs.ts). */
export interface InputSpec {
  description: string;
  required: boolean;
  /** As action.yml writes it; expressions such as `${{ github.token }}` are resolved by the terminal host. */
  default: string;
}

export interface ActionSpec {
  name: string;
  description: string;
  inputs: Readonly<Record<string, InputSpec>>;
  outputs: Readonly<Record<string, string>>;
}
