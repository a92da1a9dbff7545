using System.Net;

namespace StrategyAssistant.Answering.Model;

/// <summary>Retries transient failures of the model endpoint (429, 500, 502, 503, 504, connection errors and per-attempt
/// timeouts) with exponential backoff, honouring a short Retry-After.</summary>
public sealed class RetryHandler : DelegatingHandler
{
    private readonly int _maxRetries;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeSpan _baseDelay;

    public RetryHandler(int maxRetries, TimeSpan attemptTimeout, TimeSpan? baseDelay = null)
    {
        _maxRetries = maxRetries;
        _attemptTimeout = attemptTimeout;
        _baseDelay = baseDelay ?? TimeSpan.FromMilliseconds(250);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The body is buffered so that it can be sent again.
        byte[]? body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var headers = request.Content?.Headers.ToList();
        for (int attempt = 0; ; attempt++)
        {
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                foreach (KeyValuePair<string, IEnumerable<string>> header in headers!)
                {
                    request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(_attemptTimeout);
            HttpResponseMessage? response = null;
            try
            {
                response = await base.SendAsync(request, attemptTimeout.Token);
                if (!IsTransient(response.StatusCode) || attempt >= _maxRetries)
                {
                    return response;
                }
            }
            catch (Exception ex) when (attempt < _maxRetries && !cancellationToken.IsCancellationRequested
                && (ex is HttpRequestException || (ex is OperationCanceledException && attemptTimeout.IsCancellationRequested)))
            {
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && attemptTimeout.IsCancellationRequested)
            {
                throw new TimeoutException($"The model endpoint did not answer within {_attemptTimeout.TotalSeconds:F0} s ({attempt + 1} attempts).");
            }

            TimeSpan delay = _baseDelay * Math.Pow(2, attempt);
            if (response?.Headers.RetryAfter?.Delta is TimeSpan retryAfter && retryAfter < TimeSpan.FromSeconds(10))
            {
                delay = retryAfter;
            }

            response?.Dispose();
            await Task.Delay(delay, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
