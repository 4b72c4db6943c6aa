'use client';
import { useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import type { ActionState } from '@/lib/errors';
import type { ErrorArea } from '@/lib/i18n/error-message';
import { useErrorMessage } from './use-error-message';

/**
 * react-hook-form wired to a server action: the same zod schema validates in
 * the browser and on the server, and the server's field errors land on the
 * same fields. Messages are error keys, shown in the words of `area` first
 * and of the shared `errors` namespace second (lib/i18n/error-message.ts).
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, R = undefined>(
  schema: S,
  action: (input: z.input<S>) => Promise<ActionState<R>>,
  options: {
    defaultValues?: DefaultValues<z.input<S>>;
    onSuccess?: (data: R | undefined) => void;
    resetOnSuccess?: boolean;
    area?: ErrorArea;
    messageParams?: Record<string, string>;
  } = {},
) {
  const te = useErrorMessage(options.area, options.messageParams);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: options.defaultValues,
  });
  const [result, setResult] = useState<ActionState<R>>(null);

  const onSubmit = form.handleSubmit(async () => {
    setResult(null);
    const state = await action(form.getValues());
    setResult(state);
    if (state?.ok) {
      if (options.resetOnSuccess) form.reset(options.defaultValues);
      options.onSuccess?.(state.data);
    } else if (state?.fieldErrors) {
      for (const [field, messages] of Object.entries(state.fieldErrors)) {
        form.setError(field as Path<z.input<S>>, { type: 'server', message: messages[0] });
      }
    }
  });

  /** The translated error for a field; a key without a message is shown as given. */
  const errorFor = (field: string): string | undefined => {
    const path = field.split('.');
    let node: unknown = form.formState.errors;
    for (const p of path) node = (node as Record<string, unknown> | undefined)?.[p];
    const message = (node as { message?: string } | undefined)?.message;
    if (!message) return undefined;
    return te(message);
  };

  const formError = result && !result.ok ? te(result.error) : null;
  return { form, onSubmit, result, errorFor, formError, pending: form.formState.isSubmitting };
}
