export const id = 272;
export const ids = [272];
export const modules = {

/***/ 3272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   branchHistory: () => (/* binding */ branchHistory),
/* harmony export */   fileHistory: () => (/* binding */ fileHistory)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _domain_monitor_history_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8685);
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1496);
/**
 * Where the monitor's JSON lines are kept. A data branch through the GitHub API, no checkout needed: one
 * file per UTC day (src/domain/monitor/history.ts), appended with the Contents API against the file's
 * sha so a concurrent write is seen (409) and redone; the branch is created as an orphan (its own root
 * commit with a README) when missing, so the main branch never grows. Or a file on disk the workflow
 * keeps (a cache, an artifact), bounded to the newest runs.
 */




/** Octokit gives a raw body as text or, for a media type it does not know as text, as bytes. */
function rawText(data) {
    if (typeof data === 'string')
        return data;
    if (data instanceof ArrayBuffer)
        return Buffer.from(data).toString('utf8');
    if (ArrayBuffer.isView(data))
        return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8');
    throw new Error('the raw file came back in a form that is not text');
}
const countLines = (text) => text.split('\n').filter((l) => l.trim() !== '').length;
/** Writes racing this one: the file's sha moved on (409), or it appeared meanwhile (422). */
const isConflict = (error) => error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubApiError */ .OS && (error.status === 409 || error.status === 422);
const MAX_WRITE_TRIES = 4;
function branchHistory(target) {
    // Loaded on first use (githubClient imports Octokit lazily).
    let client;
    const api = () => (client ??= (0,_github_api_js__WEBPACK_IMPORTED_MODULE_3__/* .githubClient */ .$f)(target.token, target.baseUrl, target.client));
    const repo = { owner: target.owner, repo: target.repo };
    /** The file's text and sha on the branch; undefined when the branch or the file does not exist. */
    async function getFile(path) {
        const octokit = await api();
        let data;
        try {
            ({ data } = (await octokit.rest.repos.getContent({ ...repo, path, ref: target.branch })));
        }
        catch (error) {
            if (error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubApiError */ .OS && error.kind === 'not-found')
                return undefined;
            throw error;
        }
        if (data.type !== undefined && data.type !== 'file')
            throw new Error(`${path} on ${target.branch} is not a file`);
        if (data.encoding === 'base64' && data.content !== undefined)
            return { text: Buffer.from(data.content, 'base64').toString('utf8'), sha: data.sha };
        // Over 1 MB the JSON form carries no content: ask for the raw file.
        const raw = await octokit.rest.repos.getContent({
            ...repo,
            path,
            ref: target.branch,
            mediaType: { format: 'raw' },
        });
        return { text: rawText(raw.data), sha: data.sha };
    }
    async function branchExists() {
        const octokit = await api();
        try {
            await octokit.rest.git.getRef({ ...repo, ref: `heads/${target.branch}` });
            return true;
        }
        catch (error) {
            if (error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubApiError */ .OS && error.kind === 'not-found')
                return false;
            throw error;
        }
    }
    /** An orphan branch: a root commit holding only the README. One a racing run made first is fine. */
    async function createBranch() {
        const octokit = await api();
        const { data: tree } = await octokit.rest.git.createTree({
            ...repo,
            tree: [{ path: 'README.md', mode: '100644', type: 'blob', content: _domain_monitor_history_js__WEBPACK_IMPORTED_MODULE_2__/* .HISTORY_README */ .mB }],
        });
        const { data: commit } = await octokit.rest.git.createCommit({
            ...repo,
            message: 'Monitor history',
            tree: tree.sha,
            parents: [],
        });
        try {
            await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${target.branch}`, sha: commit.sha });
        }
        catch (error) {
            if (!(error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubApiError */ .OS && error.status === 422))
                throw error;
        }
    }
    return {
        where: `branch ${target.branch}`,
        async read(now, runs) {
            const parts = [];
            let count = 0;
            for (const path of (0,_domain_monitor_history_js__WEBPACK_IMPORTED_MODULE_2__/* .historyDayFiles */ .cg)(now)) {
                const file = await getFile(path);
                if (!file)
                    continue;
                parts.unshift(file.text.endsWith('\n') || file.text === '' ? file.text : `${file.text}\n`);
                count += countLines(file.text);
                if (count >= runs)
                    break;
            }
            return parts.join('');
        },
        async append(now, line) {
            const octokit = await api();
            if (!(await branchExists()))
                await createBranch();
            const path = (0,_domain_monitor_history_js__WEBPACK_IMPORTED_MODULE_2__/* .historyDayFile */ .fh)(now);
            for (let attempt = 1;; attempt++) {
                const file = await getFile(path);
                const text = `${file?.text ?? ''}${file && file.text !== '' && !file.text.endsWith('\n') ? '\n' : ''}${line}`;
                try {
                    await octokit.rest.repos.createOrUpdateFileContents({
                        ...repo,
                        path,
                        branch: target.branch,
                        message: `monitor: ${now.toISOString()}`,
                        content: Buffer.from(text).toString('base64'),
                        ...(file ? { sha: file.sha } : {}),
                    });
                    return;
                }
                catch (error) {
                    if (!isConflict(error) || attempt >= MAX_WRITE_TRIES)
                        throw error;
                }
            }
        },
    };
}
function fileHistory(path) {
    const read = async () => {
        try {
            return await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
        }
        catch (error) {
            if (error.code === 'ENOENT')
                return '';
            throw error;
        }
    };
    return {
        where: path,
        read: () => read(),
        async append(_now, line) {
            const text = (0,_domain_monitor_history_js__WEBPACK_IMPORTED_MODULE_2__/* .appendBounded */ .gw)(await read(), line);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), { recursive: true });
            // A whole file or the old one, never half of the new one.
            const temp = `${path}.${process.pid}.tmp`;
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.writeFile)(temp, text);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rename)(temp, path);
        },
    };
}


/***/ })

};

//# sourceMappingURL=272.index.js.map