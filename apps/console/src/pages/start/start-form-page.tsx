import {
  CertflowError,
  type Draft,
  type FlowInfo,
  type Instance,
  type JsonObject,
} from '@certflow/client';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
  Form,
  Grid,
  Result,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { errorText } from '../../api/error-text';
import { useDirectory } from '../../api/people';
import { flowIndex, useFlows } from '../../api/queries';
import { startKeys, useDraft, useStartPreview, type PreviewTarget } from '../../api/start-queries';
import { useApi } from '../../api/use-api';
import { formatDateTime } from '../../format/time';
import { toFormValues, toInput, type FormValues } from '../../schema-form/form-values';
import { SchemaForm } from '../../schema-form/schema-form';
import { fieldsOf } from '../../schema-form/schema-model';
import { applyServerErrors } from '../../schema-form/server-errors';
import { useSignedIn } from '../../session/session-context';
import { AttachmentsField } from './attachments-field';
import type { AttachedFile } from './attachments-model';
import { initialInput } from './initial-input';
import { RoutePreviewPanel } from './route-preview';
import { sameInput } from './same-input';
import { useDebounced } from './use-debounced';

/** How long typing must pause before the preview is asked again. */
const PREVIEW_DEBOUNCE_MS = 600;

const asObject = (v: unknown): JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : {};

/**
 * 发起申请: the application form of one flow, generated from its input schema, new
 * (`/start/:flowId`) or a saved draft (`?draft=<id>`); the server validates again.
 */
export default function StartFormPage() {
  const { flowId = '' } = useParams();
  const [search] = useSearchParams();
  const draftId = search.get('draft');
  const flows = useFlows();
  const flow = flowIndex(flows.data?.items ?? []).latest.get(flowId);
  const draft = useDraft(draftId);

  if (flows.isPending || (draftId !== null && draft.isPending)) return <Skeleton active />;
  if (!flow)
    return (
      <Result status="404" title="没有这个流程" extra={<Link to="/start">返回发起申请</Link>} />
    );
  if (draftId !== null && (draft.isError || draft.data?.flow !== flow.id)) {
    // Someone else's draft is answered as a missing one (DRAFT_NOT_FOUND): only its author sees it.
    return (
      <Result
        status="warning"
        title={draft.isError ? errorText(draft.error) : '该草稿不属于此流程'}
        subTitle="草稿只有保存它的人可以查看和继续编辑。"
        extra={<Link to="/drafts">返回草稿箱</Link>}
      />
    );
  }
  return (
    <StartForm key={`${flow.id}:${draftId ?? 'new'}`} flow={flow} draft={draft.data ?? null} />
  );
}

const sameFiles = (ids: readonly string[], saved: Draft['attachments']): boolean =>
  ids.length === saved.length && ids.every((id, i) => saved[i]?.id === id);

function StartForm({ flow, draft }: { flow: FlowInfo; draft: Draft | null }) {
  const { user } = useSignedIn();
  const api = useApi();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const wide = Grid.useBreakpoint().xl === true;
  const [form] = Form.useForm<FormValues>();
  const fields = useMemo(() => fieldsOf(flow.inputSchema), [flow]);
  const [initial] = useState<FormValues>(() => ({
    ...initialInput(fields, user),
    ...(draft ? toFormValues(fields, asObject(draft.input)) : {}),
  }));
  const [saved, setSaved] = useState<Draft | null>(draft);
  // A draft keeps its files on the server (docs/http-api.md § Drafts): on any device, for its author.
  const [files, setFiles] = useState<AttachedFile[]>(() => (draft ? [...draft.attachments] : []));
  const [values, setValues] = useState<FormValues>(initial);
  const [error, setError] = useState<string | null>(null);
  const [filesError, setFilesError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  // One key per intended submission: a double click or a retry after a timeout applies once.
  const key = useRef(crypto.randomUUID());
  const colleges = useDirectory().data?.colleges ?? [];
  const locked = user.college && fields.some((f) => f.key === 'collegeId') ? ['collegeId'] : [];

  // The preview is asked for once the form passes its own rules (else: 填写完整后显示).
  const settled = useDebounced(values, PREVIEW_DEBOUNCE_MS);
  const [checked, setChecked] = useState<{ input: JsonObject | null } | null>(null);
  useEffect(() => {
    let live = true;
    form
      .validateFields({ validateOnly: true })
      .then(() => live && setChecked({ input: toInput(fields, settled) }))
      .catch(() => live && setChecked({ input: null }));
    return () => {
      live = false;
    };
  }, [form, fields, settled]);
  const target: PreviewTarget | null = !checked?.input
    ? null
    : saved && sameInput(checked.input, saved.input)
      ? { kind: 'draft', id: saved.id, version: saved.version }
      : { kind: 'start', flow: flow.id, input: checked.input };
  const preview = useStartPreview(target);

  const remember = (d: Draft) => {
    setSaved(d);
    queryClient.setQueryData(startKeys.draft(d.id), d);
    void queryClient.invalidateQueries({ queryKey: startKeys.drafts });
  };

  const saveDraft = async () => {
    setBusy('save');
    setError(null);
    setNotice(null);
    const input = toInput(fields, form.getFieldsValue(true) as FormValues);
    const attachments = files.map((f) => f.id);
    try {
      if (saved) {
        remember(
          await api.updateDraft(saved.id, { input, attachments }, { ifMatch: saved.version }),
        );
        setNotice('草稿已保存。');
      } else {
        const created = await api.createDraft({ flow: flow.id, input, attachments });
        remember(created);
        void navigate(
          { search: `?draft=${encodeURIComponent(created.id)}` },
          { replace: true, state: { notice: '草稿已保存，可在“草稿箱”中继续编辑。' } },
        );
      }
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const submit = async (typed: FormValues) => {
    setBusy('submit');
    setError(null);
    setFilesError(null);
    setNotice(null);
    const input = toInput(fields, typed);
    const attachments = files.map((f) => f.id);
    try {
      let started: Instance;
      if (saved) {
        // The server submits the draft as saved (its input and files): save what is here first.
        const current =
          sameInput(input, saved.input) && sameFiles(attachments, saved.attachments)
            ? saved
            : await api.updateDraft(saved.id, { input, attachments }, { ifMatch: saved.version });
        if (current !== saved) remember(current);
        started = await api.submitDraft(current.id);
      } else {
        started = await api.startInstance(flow.id, input, {
          idempotencyKey: key.current,
          ...(attachments.length > 0 ? { attachments } : {}),
        });
      }
      // Everything cached is stale now, refetched where it is shown next — not here, where the
      // draft just deleted would be asked for again (404).
      void queryClient.invalidateQueries({ refetchType: 'none' });
      void navigate(`/instances/${started.id}`, { replace: true, state: { started: true } });
    } catch (e) {
      if (e instanceof CertflowError && e.code === 'ATTACHMENT_NOT_FOUND')
        setFilesError(`${errorText(e)}（可移除后重新上传）`);
      setError(applyServerErrors(form, fields, e, ['input']));
      key.current = crypto.randomUUID();
    } finally {
      setBusy(null);
    }
  };

  const panel = (
    <RoutePreviewPanel
      flow={flow}
      incomplete={checked?.input === null}
      preview={target ? preview.data : undefined}
      error={target ? preview.error : null}
      loading={checked === null || preview.isFetching}
      source={target?.kind === 'draft' ? 'draft' : 'form'}
    />
  );

  return (
    <>
      <Breadcrumb
        items={[
          { title: <Link to="/start">发起申请</Link> },
          ...(saved ? [{ title: <Link to="/drafts">草稿箱</Link> }] : []),
          { title: flow.title.zh },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {flow.title.zh}
      </Typography.Title>
      {saved ? (
        <Typography.Paragraph style={{ color: 'rgba(0,0,0,0.65)' }}>
          草稿 · 上次保存于 {formatDateTime(saved.updatedAt)}
        </Typography.Paragraph>
      ) : null}
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={14}>
          <Card>
            {notice ? (
              <Alert
                type="success"
                showIcon
                title={notice}
                closable={{ onClose: () => setNotice(null) }}
                style={{ marginBottom: 16 }}
                role="status"
              />
            ) : null}
            {error ? (
              <Alert
                type="error"
                showIcon
                title={error}
                style={{ marginBottom: 16 }}
                role="alert"
              />
            ) : null}
            <SchemaForm
              schema={flow.inputSchema}
              form={form}
              initialValues={initial}
              locked={locked}
              choices={{ collegeId: colleges.map((c) => ({ value: c.id, label: c.name })) }}
              onValuesChange={() => setValues({ ...(form.getFieldsValue(true) as FormValues) })}
              onFinish={(v) => void submit(v)}
            >
              <AttachmentsField
                api={api}
                files={files}
                onChange={(update) => {
                  setFilesError(null);
                  setFiles((now) => update(now));
                }}
                error={filesError}
                note="保存草稿时附件一并保存；在其他设备上继续编辑草稿时仍可看到。"
              />
              {wide ? null : <div style={{ marginBottom: 16 }}>{panel}</div>}
              <Space wrap style={{ marginTop: 8 }}>
                <Button type="primary" htmlType="submit" loading={busy === 'submit'}>
                  提交申请
                </Button>
                <Button loading={busy === 'save'} onClick={() => void saveDraft()}>
                  保存草稿
                </Button>
                <Button onClick={() => void navigate(-1)}>取消</Button>
              </Space>
            </SchemaForm>
          </Card>
        </Col>
        {wide ? (
          <Col xl={10} style={{ position: 'sticky', top: 16 }}>
            {panel}
          </Col>
        ) : null}
      </Row>
    </>
  );
}
