export const id = 146;
export const ids = [146];
export const modules = {

/***/ 98146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   incidentIssues: () => (/* binding */ incidentIssues)
/* harmony export */ });
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61496);

const snapshot = (issue) => ({
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    createdAt: issue.created_at,
    ...(issue.html_url ? { url: issue.html_url } : {}),
});
/** The label's colour when this creates it: red, for incidents. */
const LABEL_COLOR = 'd73a4a';
function incidentIssues(target) {
    // Loaded on first use (githubClient imports Octokit lazily).
    let client;
    const api = () => (client ??= (0,_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .githubClient */ .$f)(target.token, target.baseUrl, target.client));
    const repo = { owner: target.owner, repo: target.repo };
    /** Open issues (not pull requests) with the label, every page. */
    async function listOpen(label) {
        const octokit = await api();
        const issues = (await octokit.paginate(octokit.rest.issues.listForRepo, {
            ...repo,
            labels: label,
            state: 'open',
            per_page: 100,
        }));
        return issues.filter((i) => !i.pull_request).map(snapshot);
    }
    /** Creates the label unless it exists; one a racing run created first (422) is fine. */
    async function ensureLabel(label) {
        const octokit = await api();
        try {
            await octokit.rest.issues.getLabel({ ...repo, name: label });
            return;
        }
        catch (error) {
            if (!(error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS && error.kind === 'not-found'))
                throw error;
        }
        try {
            await octokit.rest.issues.createLabel({
                ...repo,
                name: label,
                color: LABEL_COLOR,
                description: 'Opened and closed by the prod-monitor action',
            });
        }
        catch (error) {
            if (!(error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS && error.status === 422))
                throw error;
        }
    }
    async function get(number) {
        const octokit = await api();
        try {
            const { data } = await octokit.rest.issues.get({ ...repo, issue_number: number });
            return { ...snapshot(data), state: data.state };
        }
        catch (error) {
            if (error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS && (error.kind === 'not-found' || error.status === 410))
                return undefined;
            throw error;
        }
    }
    async function comment(number, body) {
        const octokit = await api();
        await octokit.rest.issues.createComment({ ...repo, issue_number: number, body });
    }
    async function update(number, fields) {
        const octokit = await api();
        await octokit.rest.issues.update({ ...repo, issue_number: number, ...fields });
    }
    async function close(number, reason) {
        const octokit = await api();
        await octokit.rest.issues.update({
            ...repo,
            issue_number: number,
            state: 'closed',
            state_reason: reason,
        });
    }
    /**
     * Opens the incident unless one with the marker is open, and converges when runs race. Returns the issue
     * kept and whether this run created it.
     */
    async function open(issue) {
        const octokit = await api();
        const withMarker = (list) => list.filter((i) => i.body.includes(issue.marker)).sort((a, b) => a.number - b.number);
        const existing = withMarker(await listOpen(issue.label))[0];
        if (existing)
            return { number: existing.number, created: false };
        await ensureLabel(issue.label);
        const { data } = await octokit.rest.issues.create({
            ...repo,
            title: issue.title,
            body: issue.body,
            labels: [issue.label],
        });
        // Another run may have opened one meanwhile: the oldest stays; each racer closes its own if newer (a
        // run that stopped before doing so leaves a duplicate the next run's plan closes).
        const kept = Math.min(data.number, ...withMarker(await listOpen(issue.label)).map((i) => i.number));
        if (kept !== data.number) {
            await comment(data.number, issue.duplicateComment(kept));
            await close(data.number, 'not_planned');
        }
        return {
            number: kept,
            created: kept === data.number,
            ...(kept === data.number ? { url: data.html_url } : {}),
        };
    }
    return { listOpen, ensureLabel, get, comment, update, close, open };
}


/***/ })

};

//# sourceMappingURL=146.index.js.map