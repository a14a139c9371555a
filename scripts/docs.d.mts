/** The documentation files the action.yml files and the actions' READMEs make (path → content). */
export function renderDocs(root: string): Map<string, string>;
